package cn.lishui.police.grid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.lishui.police.grid.GridFixture;
import cn.lishui.police.grid.region.GridLocator;
import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * 110 联调 with mediation-service down, then up: the incident closes as TRANSFERRED at once, the hand-off
 * waits in the incident and the platform's scheduler delivers it exactly once, with the incident's key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class MediationHandOffTest {

    static final int MEDIATION_PORT = freePort();
    static final String VILLAGE = "331124101201";
    static final String COMMANDER = TestTokens.bearer("commander-1", "COMMANDER");

    @DynamicPropertySource
    static void mediationAtAPortWhereNothingListensYet(DynamicPropertyRegistry properties) {
        properties.add("fengqiao.clients.mediation.url", () -> "http://127.0.0.1:" + MEDIATION_PORT);
        properties.add("fengqiao.delivery.interval", () -> "200ms");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One received hand-off: its key and body. */
    record Received(String key, String body, String authorization) {
    }

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    GridLocator locator;

    @Autowired
    MeterRegistry registry;

    final List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer mediation;
    volatile int refuseWith;

    @BeforeEach
    void aVillageWithItsOfficer() {
        GridFixture fixture = new GridFixture(http, mongo).clear("incidents").village(VILLAGE, "松阳调解村")
                .grid(VILLAGE + "001", 119.40, 28.40, 119.42, 28.42);
        fixture.gridOfficer(VILLAGE + "001",
                fixture.officer("雷网格", "AUXILIARY", "station-331124-01", "13500001111", "officer-lei"));
        locator.rebuild();
    }

    @AfterEach
    void stopMediation() {
        if (mediation != null) {
            mediation.stop(0);
        }
    }

    void startMediation() throws IOException {
        mediation = HttpServer.create(new InetSocketAddress("127.0.0.1", MEDIATION_PORT), 0);
        mediation.createContext("/api/mediation/incident-handoffs", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            boolean first = received.stream().noneMatch(r -> r.key().equals(key));
            received.add(new Received(key, body, exchange.getRequestHeaders().getFirst("Authorization")));
            if (refuseWith != 0) {
                byte[] problem = "{\"code\":\"VALIDATION_FAILED\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(refuseWith, problem.length);
                exchange.getResponseBody().write(problem);
                exchange.close();
                return;
            }
            byte[] answer = "{\"disputeId\":\"dispute-77\",\"status\":\"REGISTERED\",\"incidentId\":\"x\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(first ? 201 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        mediation.start();
    }

    String dispute() {
        String location = http.post().uri("/api/grid/incidents").header(HttpHeaders.AUTHORIZATION, COMMANDER)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("category", "DISPUTE", "description", "两户因宅基地边界争吵", "lat", 28.41, "lng", 119.41))
                .exchange().expectStatus().isCreated().returnResult().getResponseHeaders().getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    Map<String, Object> transfer() {
        return Map.of("outcome", "TRANSFERRED", "disputeCategory", "LAND_PROPERTY",
                "parties", List.of(Map.of("name", "王大明", "phone", "13811112222", "role", "APPLICANT"),
                        Map.of("name", "李小红", "phone", "13833334444", "role", "RESPONDENT")));
    }

    @Test
    void aTransferWhileMediationIsDownClosesAtOnceAndIsDeliveredExactlyOnceWhenItIsUp() throws Exception {
        String id = dispute();

        http.post().uri("/api/grid/incidents/{id}/actions/close", id).header(HttpHeaders.AUTHORIZATION, COMMANDER)
                .contentType(MediaType.APPLICATION_JSON).body(transfer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.outcome").isEqualTo("TRANSFERRED")
                .jsonPath("$.handoff.status").isEqualTo("PENDING")
                .jsonPath("$.handoff.attempts").isEqualTo(1)
                .jsonPath("$.handoff.lastError").isNotEmpty()
                .jsonPath("$.handoff.disputeId").doesNotExist();
        assertThat(registry.get("fengqiao.delivery.backlog").tag("queue", "mediation-handoff").gauge().value())
                .isGreaterThanOrEqualTo(0);

        startMediation();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String state = null;
        while (System.nanoTime() < deadline) {
            org.bson.Document incident = mongo.getCollection("incidents").find(new org.bson.Document("_id", id)).first();
            state = ((org.bson.Document) incident.get("handoff")).getString("status");
            if ("DELIVERED".equals(state)) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(state).isEqualTo("DELIVERED");
        Thread.sleep(1_000);

        assertThat(received).hasSize(1);
        assertThat(received.get(0).key()).isEqualTo("incident-handoff-" + id);
        assertThat(received.get(0).authorization()).startsWith("Bearer ");
        assertThat(received.get(0).body()).contains("\"incidentId\":\"" + id + "\"", "\"category\":\"LAND_PROPERTY\"",
                "\"countyCode\":\"331124\"", "\"villageCode\":\"" + VILLAGE + "\"", "王大明", "13833334444",
                "\"role\":\"RESPONDENT\"");
        http.get().uri("/api/grid/incidents/{id}", id).header(HttpHeaders.AUTHORIZATION, COMMANDER).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.handoff.status").isEqualTo("DELIVERED")
                .jsonPath("$.handoff.disputeId").isEqualTo("dispute-77")
                .jsonPath("$.handoff.deliveredAt").isNotEmpty();
        assertThat(mongo.getCollection("incidents").find(new org.bson.Document("_id", id)).first().toJson())
                .doesNotContain("王大明", "13811112222");
    }

    @Test
    void aTransferWhileMediationIsUpIsDeliveredInTheRequest() throws Exception {
        startMediation();
        String id = dispute();

        http.post().uri("/api/grid/incidents/{id}/actions/close", id).header(HttpHeaders.AUTHORIZATION, COMMANDER)
                .contentType(MediaType.APPLICATION_JSON).body(transfer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.handoff.status").isEqualTo("DELIVERED")
                .jsonPath("$.handoff.disputeId").isEqualTo("dispute-77");
        assertThat(received).hasSize(1);
        // The user's token would be relayed, but Feign's circuit breaker runs the call on another thread, where
        // the platform's relay finds no user and sends grid-service's own SERVICE token (see the report).
        assertThat(received.get(0).authorization()).startsWith("Bearer ");
    }

    @Test
    void aHandOffMediationRefusesForGoodIsRejectedAndNotRetried() throws Exception {
        refuseWith = 422;
        startMediation();
        String id = dispute();

        http.post().uri("/api/grid/incidents/{id}/actions/close", id).header(HttpHeaders.AUTHORIZATION, COMMANDER)
                .contentType(MediaType.APPLICATION_JSON).body(transfer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.handoff.status").isEqualTo("REJECTED")
                .jsonPath("$.handoff.lastError").isEqualTo("HTTP 422");
        Thread.sleep(1_000);
        assertThat(received).hasSize(1);
    }
}
