package cn.lishui.police.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of stand-in services: grid-service (and Open311) is a live stub, mediation-service
 * is down (nothing listens on its port). Requests carry a valid token of a grid officer (security has
 * its own tests: {@link GatewaySecurityTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest extends RunningGateway {

    private static final UpstreamStub gridService = UpstreamStub.start();
    private static final String OFFICER = TestIssuer.bearer("routing-test-officer", "GRID_OFFICER");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        registry.add("fengqiao.services.grid-url", gridService::url);
        registry.add("fengqiao.services.mediation-url", UpstreamStub::closedPortUrl);
    }

    @AfterAll
    static void stopStub() {
        gridService.close();
    }

    @Override
    WebTestClient clientFor(WebTestClient.Builder builder) {
        return builder.defaultHeader("Authorization", OFFICER).build();
    }

    @Test
    void aGridRequestReachesGridServiceWithItsPathAndQueryUnchanged() {
        String pathAndQuery = "/api/grid/villages/331102001001?page=0&size=5&sort=name,desc&q=%E4%B8%BD%E6%B0%B4";

        client.get().uri(URI.create(gatewayUrl() + pathAndQuery))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.path").isEqualTo("/api/grid/villages/331102001001");

        assertThat(gridService.received()).contains(pathAndQuery);
    }

    @Test
    void theCallToTheServiceContinuesTheCallersW3cTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        client.get().uri("/api/grid/villages/traced").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus().isOk();

        String relayed = gridService.lastRequestTo("/api/grid/villages/traced").orElseThrow().header("traceparent");
        // the same trace; the parent is the gateway's own span of the request, not the caller's
        assertThat(relayed).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void aCallWithoutATraceStartsOneThatTheServiceContinues() {
        client.get().uri("/api/grid/villages/untraced").exchange().expectStatus().isOk();

        String relayed = gridService.lastRequestTo("/api/grid/villages/untraced").orElseThrow().header("traceparent");
        assertThat(relayed).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void open311IsServedByGridService() {
        client.get().uri("/open311/v2/services.json").exchange().expectStatus().isOk();

        assertThat(gridService.received()).contains("/open311/v2/services.json");
    }

    @Test
    void anErrorOfTheServiceReachesTheClientAsTheServiceWroteIt() {
        client.get().uri("/api/grid/incidents/broken")
                .exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("from upstream");
    }

    @Test
    void aServiceThatIsDownIsAnswered503ProblemWithinASecond() {
        client.get().uri("/api/mediation/disputes?page=0")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("服务暂不可用")
                .jsonPath("$.instance").isEqualTo("/api/mediation/disputes");

        long started = System.nanoTime();
        client.post().uri("/api/mediation/disputes")
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"summary\":\"boundary of a tea garden\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.type").isEqualTo("https://fengqiao.lishui.police.cn/problems/service-unavailable");
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(elapsedMillis).isLessThan(1000);
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        client.get().uri("/nope")
                .header("Accept-Language", "en")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.instance").isEqualTo("/nope");
    }

    @Test
    void theFallbackIsNotARouteOfItsOwn() {
        client.get().uri("/fallback/grid-service")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void noPathReachesTheActuatorOfAService() throws IOException {
        List<String> sneakyPaths = List.of(
                "/api/grid/../actuator/health",
                "/api/grid/..;/actuator/health",
                "/api/grid/%2e%2e/actuator/health",
                "/api/grid/%2E%2E%2Factuator/health",
                "/api/grid/..%5Cactuator/health",
                "/api/grid/./../../actuator/health");
        for (String path : sneakyPaths) {
            assertThat(rawGet(path)).as(path).startsWith("HTTP/1.1 400").contains("application/problem+json");
        }
        assertThat(rawGet("/actuator/env")).startsWith("HTTP/1.1 404");

        assertThat(gridService.received()).noneMatch(received -> received.contains("actuator"));
    }

    @Test
    void theGatewayExportsItsRequestMetrics() {
        client.get().uri("/api/grid/regions").exchange().expectStatus().isOk();

        String metrics = client.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).contains("spring_cloud_gateway_requests_seconds_count").contains("routeId=\"grid\"")
                // what deploy/ reads (alerts, dashboards), and the timer of the call to the service
                .contains("http_server_requests_seconds_count").contains("http_server_requests_seconds_bucket")
                .contains("http_client_requests_seconds_count")
                // no long-task timer per observation (management.metrics.observations.ignored-meters)
                .doesNotContain("http_server_requests_active_seconds").doesNotContain("http_client_requests_active")
                // nor Spring Security's observation of each request's filter chain (platform
                // SecurityObservationAutoConfiguration)
                .doesNotContain("spring_security_filterchains");
        assertThat(gridService.received()).noneMatch(received -> received.contains("actuator"));
    }

    @Test
    void fiftyConcurrentRequestsThroughOneRouteAllSucceed() {
        gridService.holdSlowRequestsUntil(50);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 50)
                .mapToObj(i -> http.sendAsync(
                        HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/grid/grids/" + i + "/slow"))
                                .header("Authorization", OFFICER).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        List<Integer> statuses = responses.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertThat(statuses).hasSize(50).containsOnly(200);
        // all fifty at once: twice what the resilience4j default bulkhead (25) lets through
        assertThat(gridService.peakConcurrentRequests()).isEqualTo(50);
    }

    @Test
    void anAnswerOfKnownLengthReachesTheCallerInOneWrite() throws Exception {
        gridService.holdSecondHalves();
        try (Socket socket = rawRequest("/api/grid/reports/halves")) {
            InputStream in = socket.getInputStream();
            assertThat(gridService.awaitFirstHalfSent(Duration.ofSeconds(10))).isTrue();
            Thread.sleep(300); // time enough for the gateway to pass on the headers and the first half, if it would
            assertThat(in.available()).as("bytes sent before the service's whole body was there").isZero();

            gridService.sendSecondHalves();
            byte[] buffer = new byte[64 * 1024];
            String firstRead = new String(buffer, 0, in.read(buffer), StandardCharsets.UTF_8);

            // status line, headers and the whole body in the first read: one write, one segment
            String body = UpstreamStub.FIRST_HALF + UpstreamStub.SECOND_HALF;
            assertThat(firstRead).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: " + body.length())
                    .endsWith(body);
        }
    }

    @Test
    void aHeadRequestIsAnsweredWithoutABody() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/grid/villages/headed"))
                .header("Authorization", OFFICER).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());

        // the service's answer has a length and no body to join: answered, not left waiting for one
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void anAnswerOfUnknownLengthIsStreamedAsItComes() throws Exception {
        gridService.holdSecondHalves();
        try (Socket socket = rawRequest("/api/grid/reports/halves-chunked")) {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            // the first half reaches the caller while the service still holds the second
            while (!received.toString(StandardCharsets.UTF_8).contains(UpstreamStub.FIRST_HALF)) {
                int read = in.read(buffer);
                assertThat(read).as("end of the answer before its first half").isPositive();
                received.write(buffer, 0, read);
            }
            assertThat(received.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200")
                    .containsIgnoringCase("transfer-encoding: chunked").doesNotContain(UpstreamStub.SECOND_HALF);

            gridService.sendSecondHalves();
            in.transferTo(received);
            assertThat(received.toString(StandardCharsets.UTF_8)).contains(UpstreamStub.SECOND_HALF);
        }
    }

    @Test
    void headersOfTheCallersConnectionAndForwardedHeadersItWroteDoNotReachTheService() throws IOException {
        String answer = rawGet("/api/grid/villages/hops", "Connection: close, X-Session-Hint",
                "X-Session-Hint: for-this-hop", "Keep-Alive: timeout=5", "TE: trailers", "Proxy-Authorization: Basic eA==",
                "Forwarded: for=203.0.113.66", "X-Forwarded-Host: evil.example", "X-Request-Id: r-1");

        assertThat(answer).startsWith("HTTP/1.1 200");
        UpstreamStub.Request received = gridService.lastRequestTo("/api/grid/villages/hops").orElseThrow();
        assertThat(received.header("X-Request-Id")).isEqualTo("r-1");
        assertThat(received.header("Authorization")).isEqualTo(OFFICER);
        for (String name : List.of("X-Session-Hint", "Keep-Alive", "TE", "Proxy-Authorization", "Forwarded",
                "X-Forwarded-Host")) {
            assertThat(received.header(name)).as(name).isNull();
        }
    }

    /**
     * A GET of a grid officer on a connection of its own, closed after the answer (unless the extra header lines
     * give {@code Connection} themselves); the caller reads the answer.
     */
    private Socket rawRequest(String path, String... extraHeaderLines) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + OFFICER
                + "\r\n");
        if (Arrays.stream(extraHeaderLines).noneMatch(line -> line.regionMatches(true, 0, "Connection:", 0, 11))) {
            head.append("Connection: close\r\n");
        }
        for (String line : extraHeaderLines) {
            head.append(line).append("\r\n");
        }
        socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /**
     * A request with its path exactly as written (HTTP clients normalize dot segments away) and any header lines,
     * and the whole answer.
     */
    private String rawGet(String path, String... extraHeaderLines) throws IOException {
        try (Socket socket = rawRequest(path, extraHeaderLines)) {
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
