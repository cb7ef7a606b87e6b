package cn.lishui.police.overseas.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.lishui.police.overseas.support.ApiTestSupport;
import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** The KPIs move with what happens, and the business metrics are exported for Prometheus. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class OverviewAndMetricsTest extends ApiTestSupport {

    static final String OVERVIEW = "/api/overseas/stats/overview";

    @Test
    void theOverviewCountsStationsCompatriotsAidItemsAndPortalApplications() {
        JsonNode before = overview();
        String station = openStation();
        String subject = "c-" + unique();
        registerSelf(subject, station);
        post("/api/overseas/donations", HOME_POLICE, Map.of("donor", "青田县侨联", "donorKind", "ASSOCIATION",
                "items", lines("MASK", 300, "TCM_PACK", 700)));
        String request = post("/api/overseas/aid-requests", compatriot(subject), Map.of("type", "MEDICINE_TCM",
                "description", "口罩", "items", lines("MASK", 300))).path("id").asString();
        post("/api/overseas/aid-requests/" + request + "/allocations", HOME_POLICE, Map.of("items", lines("MASK", 300)));
        String shipment = post("/api/overseas/shipments", HOME_POLICE, Map.of("stationId", station, "lines",
                List.of(Map.of("aidRequestId", request, "itemType", "MASK", "quantity", 300)))).path("id").asString();
        http.post().uri("/api/overseas/shipments/" + shipment + "/actions/send")
                .header("Authorization", HOME_POLICE).exchange().expectStatus().isOk();
        http.post().uri("/api/overseas/shipments/" + shipment + "/actions/receive")
                .header("Authorization", staffOf(station)).exchange().expectStatus().isOk();
        post("/api/overseas/portal/applications", compatriot(subject), Map.of("itemCode", "LSGA-CRJ-0001",
                "form", Map.of("applicantName", "陈侨")));

        JsonNode after = overview();

        assertThat(delta(before, after, "stations")).isEqualTo(1);
        assertThat(delta(before, after, "compatriots")).isEqualTo(1);
        assertThat(after.path("countries").asLong()).isPositive();
        assertThat(after.path("cities").asLong()).isPositive();
        assertThat(delta(before, after, "itemsDonated", "masks")).isEqualTo(300);
        assertThat(delta(before, after, "itemsDonated", "tcmPacks")).isEqualTo(700);
        assertThat(delta(before, after, "itemsShipped", "masks")).isEqualTo(300);
        assertThat(delta(before, after, "itemsReceived", "masks")).isEqualTo(300);
        assertThat(delta(before, after, "aidRequests", "COMPLETE")).isEqualTo(1);
        assertThat(after.path("aidRequests").has("PARTIAL")).isTrue();
        assertThat(delta(before, after, "portalApplications", "SUBMITTED")).isEqualTo(1);
        assertThat(after.path("portalApplications").has("QUEUED")).isTrue();
    }

    @Test
    void businessMetricsAndTheQueueBacklogAreExported() {
        registerSelf("c-" + unique(), openStation());
        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("fengqiao_overseas_compatriots{").contains("country=\"IT\"")
                .contains("fengqiao_overseas_aid_requests{").contains("status=\"COMPLETE\"")
                .contains("fengqiao_overseas_stock_items{").contains("item_type=\"tcmPacks\"")
                // the Feign clients' breakers (the registration above called grid-service)
                .contains("resilience4j_circuitbreaker_state{");
    }

    @Test
    void requestsAreTimedWithoutSpringSecuritysOwnObservations() {
        get("/api/overseas/portal/global-items", compatriot("c-" + unique()));
        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/overseas/portal/global-items\"")
                // a timer, events and a span around the security filter chain and each authorization: about half the
                // bytes allocated per portal request (platform ResourceServerAutoConfiguration, docs/benchmarks.md
                // "s6-overseas"); a bearer token checked is still observed
                .doesNotContain("spring_security_filterchains")
                .doesNotContain("spring_security_authorizations")
                .doesNotContain("_active_seconds")
                .contains("spring_security_authentications_seconds_count{");
    }

    private JsonNode overview() {
        return http.get().uri(OVERVIEW).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static long delta(JsonNode before, JsonNode after, String... path) {
        JsonNode b = before;
        JsonNode a = after;
        for (String step : path) {
            b = b.path(step);
            a = a.path(step);
        }
        return a.asLong() - b.asLong();
    }
}
