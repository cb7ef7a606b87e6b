package cn.lishui.police.gateway;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's cache of public reads (cache.PublicResponseCache) in front of a stand-in public-service whose
 * answers carry the caching headers each test gives them. Every test uses paths of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResponseCacheTest extends RunningGateway {

    private static final UpstreamStub publicService = UpstreamStub.start();
    private static final String PUBLIC_60 = "public, max-age=60";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        registry.add("fengqiao.services.public-url", publicService::url);
    }

    @AfterAll
    static void stopStub() {
        publicService.close();
    }

    @Test
    void aPublicReadIsAnsweredAgainFromTheCacheWithTheServicesHeadersAndTheGatewaysOwn() {
        String path = "/api/public/items/LSGA-HIT-1";
        publicService.answerWithHeaders(path, "Cache-Control", PUBLIC_60, "ETag", "\"hit-1\"", "X-Item-Version", "7");

        String first = read(path);
        EntityExchangeResult<String> second = client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", PUBLIC_60)
                .expectHeader().valueEquals("ETag", "\"hit-1\"")
                .expectHeader().valueEquals("X-Item-Version", "7")
                .expectHeader().exists("Age")
                .expectHeader().contentType("application/json")
                // the gateway's security headers and the rate limit apply to an answer from the cache too
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader().exists("X-RateLimit-Remaining")
                .expectBody(String.class).returnResult();

        assertThat(second.getResponseBody()).isEqualTo(first);
        assertThat(Long.parseLong(second.getResponseHeaders().getFirst("Age"))).isBetween(0L, 60L);
        assertThat(second.getResponseHeaders().get("X-Item-Version")).hasSize(1);
        assertThat(publicService.requestsTo(path)).isEqualTo(1);
    }

    @Test
    void answersTheServiceMarksPrivateOrNotToBeStoredAreNeverKept() {
        List<String[]> notShared = List.of(
                new String[] {"/api/public/items/LSGA-PRIVATE", "Cache-Control", "private, max-age=60"},
                new String[] {"/api/public/items/LSGA-NO-STORE", "Cache-Control", "public, no-store, max-age=60"},
                new String[] {"/api/public/items/LSGA-PRIVATE-NO-STORE", "Cache-Control", "private, no-store"},
                new String[] {"/api/public/items/LSGA-NO-CACHE", "Cache-Control", "public, max-age=60, no-cache"},
                new String[] {"/api/public/items/LSGA-UNSAID", "X-Nothing", "about caching"},
                new String[] {"/api/public/items/LSGA-COOKIE", "Cache-Control", PUBLIC_60, "Set-Cookie", "a=b"},
                new String[] {"/api/public/items/LSGA-VARY-ALL", "Cache-Control", PUBLIC_60, "Vary", "*"});
        for (String[] answer : notShared) {
            String path = answer[0];
            publicService.answerWithHeaders(path, Arrays.copyOfRange(answer, 1, answer.length));

            String first = read(path);
            String second = read(path);

            assertThat(second).as(path).isNotEqualTo(first);
            assertThat(publicService.requestsTo(path)).as(path).isEqualTo(2);
        }
        client.get().uri("/api/public/items/LSGA-PRIVATE-NO-STORE").exchange()
                .expectHeader().valueEquals("Cache-Control", "private, no-store");
        client.get().uri("/api/public/items/LSGA-UNSAID").exchange()
                .expectHeader().valueEquals("Cache-Control", "no-store");
    }

    @Test
    void aCallerWithATokenOrCookiesIsAlwaysAnsweredByTheService() {
        String path = "/api/public/items/LSGA-SIGNED-IN";
        publicService.answerWithHeaders(path, "Cache-Control", PUBLIC_60);
        String anonymous = read(path);

        String signedIn = client.get().uri(path).header("Authorization", TestIssuer.bearer("cache-citizen", "CITIZEN"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String withCookie = client.get().uri(path).header("Cookie", "session=1")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(signedIn).isNotEqualTo(anonymous);
        assertThat(withCookie).isNotEqualTo(anonymous).isNotEqualTo(signedIn);
        assertThat(publicService.requestsTo(path)).isEqualTo(3);
        assertThat(publicService.lastRequestTo(path).orElseThrow().header("Authorization")).isNull();
    }

    @Test
    void eachLanguageTheServicesAnswerInHasItsOwnEntry() {
        String path = "/api/public/items/LSGA-LANGUAGES";
        publicService.answerWithHeaders(path, "Cache-Control", PUBLIC_60);

        String english = readIn(path, "en");
        String chinese = readIn(path, "zh-CN");

        assertThat(english).isNotEqualTo(chinese);
        assertThat(readIn(path, "en-US,en;q=0.9")).isEqualTo(english);
        assertThat(readIn(path, "zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(chinese);
        assertThat(read(path)).as("no Accept-Language: zh-CN, the services' default").isEqualTo(chinese);
        assertThat(readIn(path, "fr")).as("unsupported: the default").isEqualTo(chinese);
        assertThat(publicService.requestsTo(path)).isEqualTo(2);
    }

    @Test
    void theRequestHeadersTheServiceVariesOnArePartOfTheKey() {
        String path = "/api/public/items/LSGA-VARY";
        publicService.answerWithHeaders(path, "Cache-Control", PUBLIC_60, "Vary", "X-Channel");

        String mobile = client.get().uri(path).header("X-Channel", "MOBILE").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        String online = client.get().uri(path).header("X-Channel", "ONLINE").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        String mobileAgain = client.get().uri(path).header("X-Channel", "MOBILE").exchange()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(online).isNotEqualTo(mobile);
        assertThat(mobileAgain).isEqualTo(mobile);
        assertThat(publicService.requestsTo(path)).isEqualTo(2);
    }

    @Test
    void anAnswerIsKeptNoLongerThanItsMaxAge() throws InterruptedException {
        String path = "/api/public/items/LSGA-SHORT-LIVED";
        publicService.answerWithHeaders(path, "Cache-Control", "public, max-age=2");
        String first = read(path);
        assertThat(read(path)).isEqualTo(first);

        Thread.sleep(2_500);

        assertThat(read(path)).isNotEqualTo(first);
        assertThat(publicService.requestsTo(path)).isEqualTo(2);
    }

    @Test
    void aCallerThatHasTheAnswerAlreadyGets304() {
        String path = "/api/public/items/LSGA-REVALIDATE";
        publicService.answerWithHeaders(path, "Cache-Control", PUBLIC_60, "ETag", "\"rev-3\"");

        // a miss: the conditional is not forwarded (the full answer is kept), the caller still gets 304
        client.get().uri(path).header("If-None-Match", "\"rev-3\"").exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals("ETag", "\"rev-3\"")
                .expectBody().isEmpty();
        assertThat(publicService.lastRequestTo(path).orElseThrow().header("If-None-Match")).isNull();

        client.get().uri(path).header("If-None-Match", "\"rev-3\"").exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals("ETag", "\"rev-3\"")
                .expectHeader().valueEquals("Cache-Control", PUBLIC_60)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().exists("Age")
                .expectBody().isEmpty();
        client.get().uri(path).header("If-None-Match", "\"other\", W/\"rev-3\"").exchange()
                .expectStatus().isNotModified();
        client.get().uri(path).header("If-None-Match", "\"rev-2\"").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo(path);
        assertThat(publicService.requestsTo(path)).isEqualTo(1);
    }

    @Test
    void aCallerThatAsksForNoCacheIsAnsweredByTheService() {
        String path = "/api/public/items/LSGA-NO-CACHE-REQUEST";
        publicService.answerWithHeaders(path, "Cache-Control", PUBLIC_60);
        String stored = read(path);

        String fresh = client.get().uri(path).header("Cache-Control", "no-cache").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String fresher = client.get().uri(path).header("Pragma", "no-cache").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(fresh).isNotEqualTo(stored);
        assertThat(fresher).isNotEqualTo(fresh);
        assertThat(read(path)).as("no-cache answers are not kept").isEqualTo(stored);
        assertThat(publicService.requestsTo(path)).isEqualTo(3);
    }

    @Test
    void callersAskingForTheSameAnswerAtOnceMakeOneServiceCall() {
        String path = "/api/public/items/LSGA-CROWD/slow";
        publicService.answerWithHeaders(path, "Cache-Control", PUBLIC_60);
        publicService.holdSlowRequestsUntil(2); // the one call is held (up to 5 s) while the others arrive

        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<String> answers;
        try {
            List<CompletableFuture<String>> crowd = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> read(path), callers)).toList();
            answers = crowd.stream().map(CompletableFuture::join).toList();
        } finally {
            callers.shutdownNow();
        }
        assertThat(answers).hasSize(8).containsOnly(answers.get(0));
        assertThat(publicService.requestsTo(path)).isEqualTo(1);
    }

    @Test
    void pathsOutsideTheCataloguesAreNeverKept() {
        String path = "/api/public/applications/LSGA-ELSEWHERE";
        publicService.answerWithHeaders(path, "Cache-Control", PUBLIC_60);
        String auth = TestIssuer.bearer("cache-clerk", "WINDOW_CLERK");

        client.get().uri(path).header("Authorization", auth).exchange().expectStatus().isOk();
        client.get().uri(path).header("Authorization", auth).exchange().expectStatus().isOk();

        assertThat(publicService.requestsTo(path)).isEqualTo(2);
    }

    private String read(String path) {
        return client.get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String readIn(String path, String acceptLanguage) {
        return client.get().uri(path).header("Accept-Language", acceptLanguage).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
