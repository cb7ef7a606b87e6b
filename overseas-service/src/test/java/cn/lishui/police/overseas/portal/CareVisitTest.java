package cn.lishui.police.overseas.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.overseas.support.ApiTestSupport;
import cn.lishui.police.overseas.support.Providers;
import cn.lishui.police.overseas.support.StubProvider;
import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Family-care visits: handed to the home village's grid officer (contract 3), keyed, their state shown back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class CareVisitTest extends ApiTestSupport {

    static final String VISITS = "/api/overseas/portal/care-visits";

    @Autowired
    CareVisitQueue queue;

    @Test
    void aCompatriotAsksForAVisitToTheirMotherAndSeesItsState() {
        String subject = "c-" + unique();
        registerWithFamily(subject, openStation());

        JsonNode created = post(VISITS, compatriot(subject), Map.of("familyMembers", "母亲，82岁，独居",
                "note", "春节前请帮忙看看"));

        String id = created.path("id").asString();
        assertThat(created.path("handOff").asString()).isEqualTo("SUBMITTED");
        assertThat(created.path("status").asString()).isEqualTo("OPEN");
        assertThat(created.path("officerName").asString()).isEqualTo("张警官");
        assertThat(created.path("villageCode").asString()).isEqualTo(VILLAGE);
        StubProvider.Call sent = sentFor(id).get(0);
        assertThat(sent.header("Idempotency-Key")).isEqualTo(CareVisits.keyOf(id));
        assertThat(sent.body()).contains("\"requestRef\":\"" + id + "\"").contains("\"villageCode\":\"" + VILLAGE + "\"")
                .contains("母亲，82岁，独居");

        Providers.CARE_VISIT_STATUS.put(created.path("gridVisitId").asString(), "VISITED");
        assertThat(get(VISITS + "/" + id, compatriot(subject)).path("status").asString()).isEqualTo("VISITED");
        http.get().uri(VISITS + "/" + id).header(HttpHeaders.AUTHORIZATION, compatriot("c-" + unique())).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("CARE_VISIT_NOT_FOUND");
    }

    @Test
    void withoutConsentForTheFamilyThereIsNoVisit() {
        String subject = "c-" + unique();
        registerSelf(subject, openStation());
        http.post().uri(VISITS).header(HttpHeaders.AUTHORIZATION, compatriot(subject))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("familyMembers", "父亲")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("FAMILY_CONSENT_REQUIRED");
    }

    @Test
    void whenGridIsDownTheVisitIsQueuedAndHandedOverOnce() {
        String subject = "c-" + unique();
        String station = openStation();
        String compatriotId = registerWithFamily(subject, station);
        JsonNode queued;
        Providers.GRID.down(true);
        try {
            queued = post(VISITS, staffOf(station), Map.of("compatriotId", compatriotId, "familyMembers", "儿子，9岁"));
        } finally {
            Providers.GRID.down(false);
        }
        String id = queued.path("id").asString();
        assertThat(queued.path("handOff").asString()).isEqualTo("QUEUED");

        assertThat(queue.redeliver(id)).isEqualTo(Delivery.Outcome.DELIVERED);
        assertThat(queue.redeliver(id)).isEqualTo(Delivery.Outcome.SKIPPED);
        JsonNode delivered = get(VISITS + "/" + id, compatriot(subject));
        assertThat(delivered.path("handOff").asString()).isEqualTo("SUBMITTED");
        assertThat(delivered.path("status").asString()).isEqualTo("OPEN");
        assertThat(sentFor(id)).extracting(StubProvider.Call::body).containsOnly(sentFor(id).get(0).body());
        assertThat(Providers.CARE_VISITS_BY_REF).containsKey(id);
    }

    private String registerWithFamily(String subject, String station) {
        Map<String, Object> body = new HashMap<>(registration(station));
        body.put("family", List.of(Map.of("relation", "MOTHER", "name", "林秀英", "age", 82, "livesAlone", true)));
        body.put("familyConsent", true);
        return post("/api/overseas/compatriots", compatriot(subject), body).path("id").asString();
    }

    private static List<StubProvider.Call> sentFor(String id) {
        return Providers.GRID.calls("POST /api/grid/care-visits").stream()
                .filter(call -> CareVisits.keyOf(id).equals(call.header("Idempotency-Key"))).toList();
    }
}
