package cn.lishui.police.gateway;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the identity service's keys cannot be fetched, a token cannot be checked either way: the caller
 * is told the service is unavailable (503), not that their token is bad (which would send a user to sign
 * in again), and nothing is forwarded. Public paths stay open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeysUnavailableTest {

    private static final UpstreamStub services = UpstreamStub.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> UpstreamStub.closedPortUrl() + "/oauth2/jwks");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.ISSUER);
        registry.add("fengqiao.services.grid-url", services::url);
        registry.add("fengqiao.services.public-url", services::url);
    }

    @AfterAll
    static void stopStub() {
        services.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aTokenThatCannotBeCheckedIsA503ProblemAndThePublicPathsStayOpen() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();

        client.get().uri("/api/grid/regions").header("Authorization", TestIssuer.bearer("officer-9", "GRID_OFFICER"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
        client.get().uri("/api/public/service-items").exchange().expectStatus().isOk();

        assertThat(services.lastRequestTo("/api/grid/regions")).isEmpty();
    }
}
