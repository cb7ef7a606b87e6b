package cn.lishui.police.overseas.aid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.lishui.police.overseas.support.ApiTestSupport;
import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Aid from request to receipt: donation, allocation, shipment, tracking, receipt and fulfilment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class AidFlowTest extends ApiTestSupport {

    static final String REQUESTS = "/api/overseas/aid-requests";
    static final String SHIPMENTS = "/api/overseas/shipments";

    @Test
    void aCompatriotsRequestIsFulfilledPartlyThenCompletelyByReceivedShipments() {
        String station = openStation();
        String subject = "c-" + unique();
        registerSelf(subject, station);
        Map<String, Long> before = stock();
        post("/api/overseas/donations", HOME_POLICE, Map.of("donor", "青田县华侨联合会", "donorKind", "ASSOCIATION",
                "items", lines("MASK", 1000, "TCM_PACK", 500)));

        JsonNode request = post(REQUESTS, compatriot(subject), Map.of("type", "MEDICINE_TCM", "priority", "HIGH",
                "description", "普拉托华人社区急需口罩和中药包", "items", lines("MASK", 600, "TCM_PACK", 200)));
        String id = request.path("id").asString();
        assertThat(request.path("stationId").asString()).isEqualTo(station);
        assertThat(request.path("fulfilment").asString()).isEqualTo("NONE");

        post(REQUESTS + "/" + id + "/allocations", HOME_POLICE, Map.of("items", lines("MASK", 600, "TCM_PACK", 200)));
        JsonNode first = post(SHIPMENTS, HOME_POLICE, Map.of("stationId", station, "carrier", "中国邮政 EMS",
                "trackingNumber", "EMS" + unique(), "lines", List.of(
                        Map.of("aidRequestId", id, "itemType", "MASK", "quantity", 600))));
        assertThat(first.path("status").asString()).isEqualTo("IN_PROCESS");
        String shipment = first.path("id").asString();
        act(shipment, "send", HOME_POLICE).path("status").asString();
        assertThat(act(shipment, "transit", HOME_POLICE).path("status").asString()).isEqualTo("IN_TRANSIT");
        JsonNode received = act(shipment, "receive", staffOf(station));
        assertThat(received.path("status").asString()).isEqualTo("RECEIVED");
        assertThat(received.path("tracking")).hasSize(4);

        JsonNode partly = get(REQUESTS + "/" + id, compatriot(subject));
        assertThat(partly.path("fulfilment").asString()).isEqualTo("PARTIAL");
        assertThat(partly.path("items").get(0).path("received").asLong()).isEqualTo(600);

        String second = post(SHIPMENTS, HOME_POLICE, Map.of("stationId", station, "lines", List.of(
                Map.of("aidRequestId", id, "itemType", "TCM_PACK", "quantity", 200)))).path("id").asString();
        act(second, "send", HOME_POLICE);
        act(second, "receive", staffOf(station));
        assertThat(get(REQUESTS + "/" + id, compatriot(subject)).path("fulfilment").asString()).isEqualTo("COMPLETE");

        Map<String, Long> after = stock();
        assertThat(after.get("MASK.donated") - before.get("MASK.donated")).isEqualTo(1000);
        assertThat(after.get("MASK.onHand") - before.get("MASK.onHand")).isEqualTo(400);
        assertThat(after.get("MASK.received") - before.get("MASK.received")).isEqualTo(600);
        assertThat(after.get("TCM_PACK.received") - before.get("TCM_PACK.received")).isEqualTo(200);
    }

    @Test
    void allocatingMoreThanTheStockIsA409NamingTheAvailableQuantity() {
        String station = openStation();
        String id = post(REQUESTS, staffOf(station), Map.of("stationId", station, "type", "MEDICAL_SUPPLIES",
                "description", "体温计", "items", lines("THERMOMETER", 100_000))).path("id").asString();
        long available = stock().get("THERMOMETER.onHand");

        http.post().uri(REQUESTS + "/" + id + "/allocations").header(HttpHeaders.AUTHORIZATION, HOME_POLICE)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("items", lines("THERMOMETER", available + 1)))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INSUFFICIENT_STOCK")
                .jsonPath("$.detail").isEqualTo("Only " + available + " of THERMOMETER are available; "
                        + (available + 1) + " were asked for.");
        assertThat(stock().get("THERMOMETER.onHand")).isEqualTo(available);
    }

    @Test
    void anAllocationBeyondTheRequestOrOfAnItemNotAskedForIsRefused() {
        String station = openStation();
        post("/api/overseas/donations", HOME_POLICE, Map.of("donor", "丽水市公安局", "donorKind", "GOVERNMENT",
                "items", lines("GLOVES", 50)));
        String id = post(REQUESTS, staffOf(station), Map.of("stationId", station, "type", "MEDICAL_SUPPLIES",
                "description", "手套", "items", lines("GLOVES", 10))).path("id").asString();

        http.post().uri(REQUESTS + "/" + id + "/allocations").header(HttpHeaders.AUTHORIZATION, HOME_POLICE)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("items", lines("GLOVES", 11))).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("ALLOCATION_EXCEEDS_REQUEST");
        http.post().uri(REQUESTS + "/" + id + "/allocations").header(HttpHeaders.AUTHORIZATION, HOME_POLICE)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("items", lines("MASK", 1))).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("ITEM_NOT_REQUESTED");
        http.post().uri(REQUESTS + "/" + id + "/allocations").header(HttpHeaders.AUTHORIZATION, staffOf(station))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("items", lines("GLOVES", 1))).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aCancelledRequestGivesBackItsStockAndCannotBeShipped() {
        String station = openStation();
        post("/api/overseas/donations", HOME_POLICE, Map.of("donor", "温州某企业", "donorKind", "ENTERPRISE",
                "items", lines("DISINFECTANT", 30)));
        String id = post(REQUESTS, staffOf(station), Map.of("stationId", station, "type", "MEDICAL_SUPPLIES",
                "description", "消毒液", "items", lines("DISINFECTANT", 20))).path("id").asString();
        post(REQUESTS + "/" + id + "/allocations", HOME_POLICE, Map.of("items", lines("DISINFECTANT", 20)));
        long onHand = stock().get("DISINFECTANT.onHand");

        http.post().uri(REQUESTS + "/" + id + "/actions/cancel").header(HttpHeaders.AUTHORIZATION, staffOf(station))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.fulfilment").isEqualTo("CANCELLED");
        assertThat(stock().get("DISINFECTANT.onHand")).isEqualTo(onHand + 20);

        http.post().uri(SHIPMENTS).header(HttpHeaders.AUTHORIZATION, HOME_POLICE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("stationId", station, "lines", List.of(
                        Map.of("aidRequestId", id, "itemType", "DISINFECTANT", "quantity", 20)))).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("AID_REQUEST_CANCELLED");
        http.post().uri(REQUESTS + "/" + id + "/actions/cancel").header(HttpHeaders.AUTHORIZATION, staffOf(station))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("AID_REQUEST_CANCELLED");
    }

    @Test
    void shipmentsFollowTheirTrackingStatesAndOnlyTheStationConfirmsReceipt() {
        String station = openStation();
        post("/api/overseas/donations", HOME_POLICE, Map.of("donor", "某侨商", "donorKind", "PERSON",
                "items", lines("FOOD_PARCEL", 10)));
        String id = post(REQUESTS, staffOf(station), Map.of("stationId", station, "type", "EMERGENCY",
                "description", "食品包", "items", lines("FOOD_PARCEL", 10))).path("id").asString();
        post(REQUESTS + "/" + id + "/allocations", HOME_POLICE, Map.of("items", lines("FOOD_PARCEL", 10)));

        http.post().uri(SHIPMENTS).header(HttpHeaders.AUTHORIZATION, HOME_POLICE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("stationId", station, "lines", List.of(
                        Map.of("aidRequestId", id, "itemType", "FOOD_PARCEL", "quantity", 11)))).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("SHIPMENT_EXCEEDS_ALLOCATION");
        http.post().uri(SHIPMENTS).header(HttpHeaders.AUTHORIZATION, HOME_POLICE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("stationId", openStation(), "lines", List.of(
                        Map.of("aidRequestId", id, "itemType", "FOOD_PARCEL", "quantity", 1)))).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("AID_REQUEST_OTHER_STATION");

        String shipment = post(SHIPMENTS, HOME_POLICE, Map.of("stationId", station, "lines", List.of(
                Map.of("aidRequestId", id, "itemType", "FOOD_PARCEL", "quantity", 10)))).path("id").asString();
        http.post().uri(SHIPMENTS + "/" + shipment + "/actions/receive")
                .header(HttpHeaders.AUTHORIZATION, staffOf(station)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("SHIPMENT_ACTION_NOT_ALLOWED")
                .jsonPath("$.detail").isEqualTo("状态为 IN_PROCESS 的发运不能执行 receive。");
        act(shipment, "send", HOME_POLICE);
        http.post().uri(SHIPMENTS + "/" + shipment + "/actions/receive")
                .header(HttpHeaders.AUTHORIZATION, staffOf(openStation())).exchange()
                .expectStatus().isNotFound();
        http.post().uri(SHIPMENTS + "/" + shipment + "/actions/receive")
                .header(HttpHeaders.AUTHORIZATION, HOME_POLICE).exchange()
                .expectStatus().isForbidden();
        http.post().uri(SHIPMENTS + "/" + shipment + "/actions/fly")
                .header(HttpHeaders.AUTHORIZATION, HOME_POLICE).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("SHIPMENT_ACTION_UNKNOWN");
        act(shipment, "receive", staffOf(station));
        assertThat(get(REQUESTS + "/" + id, staffOf(station)).path("fulfilment").asString()).isEqualTo("COMPLETE");
        http.post().uri(REQUESTS + "/" + id + "/actions/cancel").header(HttpHeaders.AUTHORIZATION, staffOf(station))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("AID_REQUEST_COMPLETE");
    }

    @Test
    void goodsRequestsNeedItemsAndOthersAreCompletedByTheStaff() {
        String station = openStation();
        http.post().uri(REQUESTS).header(HttpHeaders.AUTHORIZATION, staffOf(station))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("stationId", station, "type", "MEDICAL_SUPPLIES", "description", "口罩")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("ITEMS_REQUIRED");
        String id = post(REQUESTS, staffOf(station), Map.of("stationId", station, "type", "LEGAL_HELP",
                "description", "劳务纠纷法律咨询")).path("id").asString();
        http.post().uri(REQUESTS + "/" + id + "/actions/complete").header(HttpHeaders.AUTHORIZATION, staffOf(station))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.fulfilment").isEqualTo("COMPLETE");
        http.post().uri(REQUESTS).header(HttpHeaders.AUTHORIZATION, compatriot("unregistered-" + unique()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", "LEGAL_HELP", "description", "咨询")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("COMPATRIOT_NOT_REGISTERED");
    }

    @Test
    void aCompatriotSeesTheRequestTheirStationMadeForThem() {
        String station = openStation();
        String subject = "c-" + unique();
        String compatriotId = registerSelf(subject, station).path("id").asString();
        String id = post(REQUESTS, staffOf(station), Map.of("stationId", station, "compatriotId", compatriotId,
                "type", "DOCUMENTS", "description", "护照遗失补办咨询")).path("id").asString();

        assertThat(get(REQUESTS + "/" + id, compatriot(subject)).path("compatriotId").asString())
                .isEqualTo(compatriotId);
        assertThat(get(REQUESTS + "?size=200", compatriot(subject)).path("content").findValuesAsString("id"))
                .containsExactly(id);
        http.get().uri(REQUESTS + "/" + id).header(HttpHeaders.AUTHORIZATION, compatriot("c-" + unique())).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("AID_REQUEST_NOT_FOUND");
    }

    private JsonNode act(String shipment, String action, String token) {
        return http.post().uri(SHIPMENTS + "/" + shipment + "/actions/" + action)
                .header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Stock counters as "TYPE.counter" → value. */
    Map<String, Long> stock() {
        Map<String, Long> levels = new java.util.HashMap<>();
        for (JsonNode level : get("/api/overseas/inventory", HOME_POLICE)) {
            for (String counter : List.of("onHand", "allocated", "donated", "shipped", "received")) {
                levels.put(level.path("itemType").asString() + "." + counter, level.path(counter).asLong());
            }
        }
        return levels;
    }
}
