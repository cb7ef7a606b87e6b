package cn.lishui.police.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits per caller, with a tiny budget: a burst of 3 requests, refilled at one request every 60 s (slow
 * enough that no refill lands between a test's requests on a loaded machine).
 * Each test spends the budget of its own caller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "fengqiao.gateway.rate-limit.burst=3",
    "fengqiao.gateway.rate-limit.replenish-per-second=0.0166667"})
class RateLimitTest extends RunningGateway {

    private static final UpstreamStub services = UpstreamStub.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        registry.add("fengqiao.services.grid-url", services::url);
        registry.add("fengqiao.services.public-url", services::url);
    }

    @AfterAll
    static void stopStub() {
        services.close();
    }

    @Test
    void aCallerPastTheBurstGetsA429ProblemWithRetryAfter() {
        String citizen = TestIssuer.bearer("citizen-hasty", "CITIZEN");
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/grid/incidents/hasty").header("Authorization", citizen)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", String.valueOf(2 - i));
        }

        client.get().uri("/api/grid/incidents/hasty").header("Authorization", citizen).header("Accept-Language", "en")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", retryAfter -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L))
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody()
                .jsonPath("$.code").isEqualTo("TOO_MANY_REQUESTS")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too many requests")
                .jsonPath("$.instance").isEqualTo("/api/grid/incidents/hasty");

        assertThat(services.requests()).filteredOn(request -> request.path().equals("/api/grid/incidents/hasty"))
                .hasSize(3);
    }

    @Test
    void eachCallerHasABudgetOfTheirOwn() {
        String first = TestIssuer.bearer("citizen-first", "CITIZEN");
        String second = TestIssuer.bearer("citizen-second", "CITIZEN");
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/grid/regions").header("Authorization", first).exchange().expectStatus().isOk();
        }
        client.get().uri("/api/grid/regions").header("Authorization", first).exchange().expectStatus().isEqualTo(429);

        client.get().uri("/api/grid/regions").header("Authorization", second).exchange().expectStatus().isOk();
        // a token for the same subject is the same caller, whatever its other claims
        client.get().uri("/api/grid/regions").header("Authorization", TestIssuer.bearer("citizen-first", "CITIZEN", "POLICE"))
                .exchange().expectStatus().isEqualTo(429);
    }

    @Test
    void anonymousCallersAreLimitedByTheirAddress() {
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/public/service-items").exchange().expectStatus().isOk();
        }

        client.get().uri("/api/public/service-items")
                // a client cannot buy a fresh budget by claiming to be someone else
                .header("X-Forwarded-For", "198.51.100.7")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("TOO_MANY_REQUESTS");
    }
}
