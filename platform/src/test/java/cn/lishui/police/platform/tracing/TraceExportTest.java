package cn.lishui.police.platform.tracing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.lishui.police.platform.testapp.Http;
import cn.lishui.police.platform.testapp.PlatformTestApplication;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracing (issue 9): a caller's W3C trace context is continued (its trace id is the one in the problem
 * body), and spans leave over OTLP/HTTP only when an endpoint is configured; by default nothing is
 * exported anywhere, and nothing is recorded for nobody (requests keep their trace ids all the same).
 */
class TraceExportTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    /** A stand-in OTLP collector: records the bodies POSTed to /v1/traces. */
    static final class Collector {
        final HttpServer server;
        final List<byte[]> exports = new CopyOnWriteArrayList<>();

        Collector() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/v1/traces", exchange -> {
                exports.add(exchange.getRequestBody().readAllBytes());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
        }
    }

    static final Collector collector = new Collector();

    @AfterAll
    static void stopCollector() {
        collector.server.stop(0);
    }

    @Nested
    @SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class ByDefault {

        @Autowired
        ApplicationContext context;

        @LocalServerPort
        int port;

        @Test
        void noSpanIsExportedButTheCallersTraceIsContinued() {
            assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();

            Http.Response response = new Http(port).get("/api/test/notes/missing", Map.of("traceparent", TRACEPARENT));

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("traceId").asString()).isEqualTo(TRACE_ID);
        }

        @Test
        void aRequestWithoutATraceStillHasItsOwnTraceIdThoughNothingIsRecorded() {
            assertThat(context.getBean(Sampler.class).getDescription()).contains("TraceIdRatioBased{0.000000}");

            Http.Response first = new Http(port).get("/api/test/notes/missing", Map.of());
            Http.Response second = new Http(port).get("/api/test/notes/missing", Map.of());

            assertThat(first.json().get("traceId").asString()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32))
                    .isNotEqualTo(second.json().get("traceId").asString());
        }
    }

    @Nested
    @SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "management.opentelemetry.tracing.export.schedule-delay=100ms")
    class WithAnOtlpEndpoint {

        @DynamicPropertySource
        static void endpoint(DynamicPropertyRegistry registry) {
            registry.add("management.opentelemetry.tracing.export.otlp.endpoint", collector::endpoint);
        }

        @LocalServerPort
        int port;

        @Test
        void theSpansOfARequestReachTheCollectorUnderTheCallersTraceId() throws InterruptedException {
            Http.Response response = new Http(port).get("/api/test/notes/missing", Map.of("traceparent", TRACEPARENT));
            assertThat(response.json().get("traceId").asString()).isEqualTo(TRACE_ID);

            byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
            assertExported(traceId);
        }

        @Test
        void aRequestWithoutATraceIsSampledAndExportedToo() throws InterruptedException {
            Http.Response response = new Http(port).get("/api/test/notes/missing", Map.of());
            byte[] traceId = HexFormat.of().parseHex(response.json().get("traceId").asString());

            assertExported(traceId);
        }
    }

    private static void assertExported(byte[] traceId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (collector.exports.stream().noneMatch(body -> contains(body, traceId)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(collector.exports).as("OTLP exports received").anyMatch(body -> contains(body, traceId));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
