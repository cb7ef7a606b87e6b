package cn.lishui.police.mediation.dispute;

import static cn.lishui.police.mediation.dispute.DisputeFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.lishui.police.mediation.GridStub;
import cn.lishui.police.mediation.MediationApiTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Contract 4 (110 联调): one dispute per incident, 201 the first time and 200 with the same dispute after. */
class IncidentHandoffApiTest extends MediationApiTestBase {

    private static final String PATH = "/api/mediation/incident-handoffs";
    private static final String SERVICE = bearer("grid-service", "SERVICE");
    private static final String QINGTIAN = "331121";

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void gridBackUp() {
        GridStub.get().down(false);
    }

    static Map<String, Object> handoff(String incidentId, String village) {
        Map<String, Object> body = new HashMap<>();
        body.put("incidentId", incidentId);
        body.put("incidentNumber", "110-20261129-0042");
        body.put("countyCode", QINGTIAN);
        body.put("villageCode", village);
        body.put("category", "LAND_PROPERTY");
        body.put("description", "两户村民因宅基地边界发生争吵，民警到场后建议调解。");
        body.put("occurredAt", "2026-11-28T12:30:00Z");
        body.put("parties", List.of(Map.of("name", "陈大", "phone", "13600001111", "role", "APPLICANT"),
                Map.of("name", "林二", "phone", "13600002222", "role", "RESPONDENT")));
        body.put("handedOffBy", "青田县公安局110指挥中心");
        return body;
    }

    @Test
    void theFirstHandOffCreatesTheDisputeAndARepeatAnswersTheSameOne() {
        String incident = "inc-" + UUID.randomUUID();
        String village = DisputeFixtures.freshVillage(QINGTIAN);
        GridStub.get().village(village, "章村");
        Map<String, Object> body = handoff(incident, village);

        EntityExchangeResult<JsonNode> first = http.post().uri(PATH).header("Authorization", SERVICE)
                .header("Idempotency-Key", "incident-handoff-" + incident)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult();
        JsonNode receipt = first.getResponseBody();
        URI location = first.getResponseHeaders().getLocation();
        String disputeId = receipt.get("disputeId").asString();
        assertThat(receipt.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(receipt.get("incidentId").asString()).isEqualTo(incident);
        assertThat(location.getPath()).isEqualTo("/api/mediation/disputes/" + disputeId);

        // the same incident with another key (a redelivery after a lost answer): 200, the same dispute
        http.post().uri(PATH).header("Authorization", SERVICE).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.disputeId").isEqualTo(disputeId);
        // without a key, by the commander: still the same dispute
        http.post().uri(PATH).header("Authorization", bearer("cmd", "COMMANDER"))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.disputeId").isEqualTo(disputeId);
        // the same key again: the first answer replayed
        http.post().uri(PATH).header("Authorization", SERVICE).header("Idempotency-Key", "incident-handoff-" + incident)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.disputeId").isEqualTo(disputeId);
        assertThat(mongo.count(Query.query(Criteria.where("incidentId").is(incident)), Dispute.class)).isEqualTo(1);

        JsonNode dispute = new DisputeFixtures(http).get(bearer("cmd", "COMMANDER"), disputeId);
        assertThat(dispute.get("source").asString()).isEqualTo("INCIDENT_HANDOFF");
        assertThat(dispute.get("incidentNumber").asString()).isEqualTo("110-20261129-0042");
        assertThat(dispute.get("villageCheck").get("status").asString()).isEqualTo("VERIFIED");
        assertThat(dispute.get("liaison").get("chiefs").size()).isEqualTo(1);
        assertThat(dispute.get("parties").get(0).get("name").asString()).isEqualTo("陈*");
    }

    @Test
    void aHandOffGoesToTheCountys110LinkageCentre() {
        String head = DisputeFixtures.unique("head");
        new DisputeFixtures(http).organisation(QINGTIAN, "INCIDENT_LINKAGE_CENTRE", head);

        JsonNode receipt = http.post().uri(PATH).header("Authorization", SERVICE)
                .contentType(MediaType.APPLICATION_JSON).body(handoff("inc-" + UUID.randomUUID(), null)).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        JsonNode dispute = new DisputeFixtures(http).get(bearer("cmd", "COMMANDER"), receipt.get("disputeId").asString());
        String organisation = dispute.get("organisationId").asString();
        http.get().uri("/api/mediation/organisations/{id}", organisation).header("Authorization", DisputeFixtures.ADMIN)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.kind").isEqualTo("INCIDENT_LINKAGE_CENTRE");
        assertThat(dispute.get("villageCheck").get("status").asString()).isEqualTo("NOT_GIVEN");
    }

    @Test
    void aHandOffIsNeverRefusedForItsVillageEvenWhenGridServiceIsDownOrDoesNotKnowIt() {
        String unknown = DisputeFixtures.freshVillage(QINGTIAN);
        JsonNode receipt = http.post().uri(PATH).header("Authorization", SERVICE)
                .contentType(MediaType.APPLICATION_JSON).body(handoff("inc-" + UUID.randomUUID(), unknown)).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode dispute = new DisputeFixtures(http).get(bearer("cmd", "COMMANDER"), receipt.get("disputeId").asString());
        assertThat(dispute.get("villageCheck").get("status").asString()).isEqualTo("NOT_A_VILLAGE");

        GridStub.get().down(true);
        String village = DisputeFixtures.freshVillage(QINGTIAN);
        GridStub.get().village(village, "山口村");
        receipt = http.post().uri(PATH).header("Authorization", SERVICE)
                .contentType(MediaType.APPLICATION_JSON).body(handoff("inc-" + UUID.randomUUID(), village)).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        dispute = new DisputeFixtures(http).get(bearer("cmd", "COMMANDER"), receipt.get("disputeId").asString());
        assertThat(dispute.get("villageCheck").get("status").asString()).isEqualTo("UNVERIFIED");
    }

    @Test
    void aHandOffWithoutPartiesIsKeptAndTheyAreRecordedLater() {
        Map<String, Object> body = handoff("inc-" + UUID.randomUUID(), null);
        body.put("parties", List.of());
        String disputeId = http.post().uri(PATH).header("Authorization", SERVICE)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("disputeId").asString();
        String commander = bearer("cmd", "COMMANDER");

        http.post().uri("/api/mediation/disputes/{id}/parties", disputeId).header("Authorization", commander)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "匿名报警人", "phone", "13600003333", "role", "APPLICANT")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.name").isEqualTo("匿****").jsonPath("$.phone").isEqualTo("136****3333");
        http.post().uri("/api/mediation/disputes/{id}/parties", disputeId).header("Authorization", SERVICE)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "x", "role", "RESPONDENT")).exchange()
                .expectStatus().isForbidden();
        assertThat(new DisputeFixtures(http).get(commander, disputeId).get("parties").size()).isEqualTo(1);
    }

    @Test
    void onlyServicesAndPoliceHandOffAndTheBodyIsValidated() {
        http.post().uri(PATH).header("Authorization", bearer("c1", "CITIZEN"))
                .contentType(MediaType.APPLICATION_JSON).body(handoff("inc-" + UUID.randomUUID(), null)).exchange()
                .expectStatus().isForbidden();
        http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).body(handoff("inc-x", null)).exchange()
                .expectStatus().isUnauthorized();

        Map<String, Object> body = handoff(null, "12345");
        body.put("parties", null);
        http.post().uri(PATH).header("Authorization", SERVICE).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields)
                        .contains("incidentId", "villageCode", "parties"));
        Map<String, Object> outside = handoff("inc-" + UUID.randomUUID(), "331122101201");
        http.post().uri(PATH).header("Authorization", SERVICE).contentType(MediaType.APPLICATION_JSON).body(outside)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("VILLAGE_OUTSIDE_COUNTY");
    }
}
