package cn.lishui.police.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's circuit breaker and bulkhead at the gateway (routing.ServiceCircuitBreaker), with small settings
 * so that they show within a test: mediation-service's breaker opens after 4 calls of which half fail and stays
 * open for 5 s; grid-service's bulkhead admits 2 calls at once; the HTTP client waits 2 s for an answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "resilience4j.circuitbreaker.instances.mediation-service.sliding-window-size=4",
    "resilience4j.circuitbreaker.instances.mediation-service.minimum-number-of-calls=4",
    "resilience4j.circuitbreaker.instances.mediation-service.wait-duration-in-open-state=5s",
    "resilience4j.circuitbreaker.instances.mediation-service.permitted-number-of-calls-in-half-open-state=1",
    "resilience4j.bulkhead.instances.grid-service.max-concurrent-calls=2",
    "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s"})
@ExtendWith(OutputCaptureExtension.class)
class CircuitBreakerTest extends RunningGateway {

    private static final int MEDIATION_PORT = UpstreamStub.freePort();
    private static final UpstreamStub gridService = UpstreamStub.start();
    private static final String OFFICER = TestIssuer.bearer("breaker-test-officer", "GRID_OFFICER", "MEDIATOR");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        registry.add("fengqiao.services.grid-url", gridService::url);
        registry.add("fengqiao.services.mediation-url", () -> "http://127.0.0.1:" + MEDIATION_PORT);
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
    void theBreakerOpensAfterFailuresAnswers503WithoutCallingAndClosesAgainOnceTheServiceAnswers() throws Exception {
        for (int i = 0; i < 4; i++) { // nothing listens: four failures
            expectServiceUnavailable("/api/mediation/disputes/" + i);
        }
        assertThat(breakerSeries("mediation-service", "state=\"open\"")).endsWith(" 1.0");

        try (UpstreamStub mediationService = UpstreamStub.startOn(MEDIATION_PORT)) {
            // the service is back, but the breaker is open: answered at once, the service is not asked
            expectServiceUnavailable("/api/mediation/disputes/while-open");
            assertThat(mediationService.received()).isEmpty();
            assertThat(breakerSeries("mediation-service", "kind=\"not_permitted\"")).doesNotEndWith(" 0.0");

            // after the open state's 5 s, one trial call goes through; its success closes the breaker
            int status = 0;
            for (int attempt = 0; attempt < 60 && status != 200; attempt++) {
                Thread.sleep(250);
                status = client.get().uri("/api/mediation/disputes/after-wait").exchange()
                        .returnResult(String.class).getStatus().value();
            }
            assertThat(status).isEqualTo(200);
            assertThat(mediationService.received()).contains("/api/mediation/disputes/after-wait");
            assertThat(breakerSeries("mediation-service", "state=\"closed\"")).endsWith(" 1.0");
            client.get().uri("/api/mediation/disputes/closed-again").exchange().expectStatus().isOk();
        }
    }

    @Test
    void callsBeyondTheBulkheadAreAnswered503AtOnceAndNeverReachTheService() {
        gridService.holdSlowRequestsUntil(3); // the two admitted calls wait for a third that never comes
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 3)
                .mapToObj(i -> http.sendAsync(
                        HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/grid/grids/" + i + "/slow"))
                                .header("Authorization", OFFICER).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        List<HttpResponse<String>> answers = responses.stream().map(CompletableFuture::join).toList();

        assertThat(gridService.received()).filteredOn(path -> path.matches("/api/grid/grids/\\d/slow")).hasSize(2);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 503).singleElement()
                .satisfies(answer -> assertThat(answer.body()).contains("\"code\":\"SERVICE_UNAVAILABLE\""));
        // the two admitted calls waited longer than the HTTP client's response timeout
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 504).hasSize(2)
                .allSatisfy(answer -> assertThat(answer.body()).contains("\"code\":\"GATEWAY_TIMEOUT\""));
        assertThat(prometheus()).contains("resilience4j_bulkhead_max_allowed_concurrent_calls{")
                .containsPattern("resilience4j_bulkhead_max_allowed_concurrent_calls\\{[^}]*name=\"grid-service\"[^}]*} 2.0");
    }

    @Test
    void aServiceTooSlowToAnswerIsA504ProblemAndAWarningWithItsTraceId(CapturedOutput output) {
        gridService.holdSlowRequestsUntil(100);

        String body = client.get().uri("/api/grid/regions/slow")
                .header("Accept-Language", "en")
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"code\":\"GATEWAY_TIMEOUT\"", "\"status\":504",
                "\"instance\":\"/api/grid/regions/slow\"");
        Matcher traceId = Pattern.compile("\"traceId\":\"([0-9a-f]{32})\"").matcher(body);
        assertThat(traceId.find()).as("the problem's traceId in %s", body).isTrue();
        assertThat(output.getOut()).contains("grid-service could not answer GET /api/grid/regions/slow")
                .contains("-> 504 (traceId " + traceId.group(1) + ")");
    }

    @Test
    void anErrorAnswerOfTheServiceIsASuccessfulCallForItsBreaker() {
        String before = breakerSeries("grid-service", "kind=\"successful\"", "calls_seconds_count");

        client.get().uri("/api/grid/incidents/broken").exchange().expectStatus().isEqualTo(500);

        String after = breakerSeries("grid-service", "kind=\"successful\"", "calls_seconds_count");
        assertThat(count(after)).isEqualTo(count(before) + 1);
        assertThat(breakerSeries("grid-service", "state=\"closed\"")).endsWith(" 1.0");
    }

    private void expectServiceUnavailable(String path) {
        client.get().uri(path)
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.title").isEqualTo("服务暂不可用")
                .jsonPath("$.instance").isEqualTo(path);
    }

    private String breakerSeries(String name, String label) {
        return breakerSeries(name, label, "");
    }

    /** The line of a resilience4j_circuitbreaker_* series of this breaker with this label (and metric name part). */
    private String breakerSeries(String name, String label, String metric) {
        return prometheus().lines()
                .filter(line -> line.startsWith("resilience4j_circuitbreaker_" + metric))
                .filter(line -> line.contains("name=\"" + name + "\"") && line.contains(label))
                .findFirst().orElseThrow(() -> new AssertionError("no series " + metric + " " + label + " of " + name));
    }

    private static double count(String series) {
        return Double.parseDouble(series.substring(series.lastIndexOf(' ') + 1));
    }

    private String prometheus() {
        return client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
