package cn.lishui.police.mediation.dispute;

import static cn.lishui.police.mediation.dispute.DisputeFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.lishui.police.mediation.GridStub;
import cn.lishui.police.mediation.MediationApiTestBase;
import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.delivery.DeliveryQueue;
import cn.lishui.police.platform.delivery.DeliveryScheduler;
import cn.lishui.police.platform.personaldata.RevealRecord;
import cn.lishui.police.platform.test.TestTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Intake by citizens and grid officers, the village check and liaison with grid-service up or down, access. */
class DisputeIntakeApiTest extends MediationApiTestBase {

    private static final String JINYUN = "331122";
    private static final String SUICHANG = "331123";

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    List<DeliveryQueue> queues;

    DisputeFixtures fixtures;
    String village;
    String head;
    String organisation;
    String citizen;

    @BeforeEach
    void setUp() {
        fixtures = new DisputeFixtures(http);
        village = DisputeFixtures.freshVillage(JINYUN);
        GridStub.get().village(village, "岩下村");
        head = DisputeFixtures.unique("head");
        organisation = fixtures.organisation(JINYUN, "PEOPLES_MEDIATION_COMMITTEE", head);
        citizen = DisputeFixtures.unique("citizen");
    }

    @AfterEach
    void gridBackUp() {
        GridStub.get().down(false);
        GridStub.get().liaisonDown(false);
    }

    @Test
    void aCitizenRegistersOnlyTheirOwnDispute() {
        Map<String, Object> body = DisputeFixtures.citizenIntake(village, organisation);
        List<Map<String, Object>> parties = new ArrayList<>();
        parties.add(Map.of("name", "王五", "role", "APPLICANT"));
        parties.add(Map.of("name", "赵六", "role", "RESPONDENT"));
        body.put("parties", parties);

        http.post().uri("/api/mediation/disputes").header("Authorization", bearer(citizen, "CITIZEN"))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("SELF_PARTY_REQUIRED");
        // police and commanders do not register disputes here (incidents come through the hand-off)
        http.post().uri("/api/mediation/disputes").header("Authorization", bearer("p1", "POLICE"))
                .contentType(MediaType.APPLICATION_JSON).body(DisputeFixtures.citizenIntake(village, organisation))
                .exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void anIntakeWithoutAPlaceOrWithAVillageGridDoesNotKnowIsRefused() {
        Map<String, Object> noPlace = DisputeFixtures.citizenIntake(village, organisation);
        noPlace.remove("villageCode");
        http.post().uri("/api/mediation/disputes").header("Authorization", bearer(citizen, "CITIZEN"))
                .contentType(MediaType.APPLICATION_JSON).body(noPlace).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PLACE_REQUIRED");

        String unknown = DisputeFixtures.freshVillage(JINYUN);
        http.post().uri("/api/mediation/disputes").header("Authorization", bearer(citizen, "CITIZEN"))
                .contentType(MediaType.APPLICATION_JSON).body(DisputeFixtures.citizenIntake(unknown, organisation))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("VILLAGE_NOT_FOUND")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains(unknown));
        assertThat(mongo.count(Query.query(Criteria.where("villageCode").is(unknown)), Dispute.class)).isZero();
    }

    @Test
    void anInvalidBodyIsAValidationProblemNamingTheFields() {
        Map<String, Object> body = DisputeFixtures.citizenIntake("3311", organisation);
        body.put("description", "x".repeat(4001));
        body.put("amountAtStake", -1);

        http.post().uri("/api/mediation/disputes").header("Authorization", bearer(citizen, "CITIZEN"))
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields)
                        .contains("description", "amountAtStake", "villageCode"));
        body = DisputeFixtures.citizenIntake(village, organisation);
        body.put("category", "WITCHCRAFT");
        http.post().uri("/api/mediation/disputes").header("Authorization", bearer(citizen, "CITIZEN"))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_ENUM_VALUE");
    }

    @Test
    void whenGridServiceIsDownTheIntakeIsKeptUnverifiedAndVerifiedLaterWithItsLiaison() {
        GridStub.get().down(true);

        JsonNode dispute = fixtures.open(bearer(citizen, "CITIZEN"),
                DisputeFixtures.citizenIntake(village, organisation));
        String id = dispute.get("id").asString();
        assertThat(dispute.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(dispute.get("villageCheck").get("status").asString()).isEqualTo("UNVERIFIED");
        assertThat(dispute.get("villageDelivery").get("status").asString()).isEqualTo("PENDING");
        assertThat(dispute.get("villageDelivery").get("lastError").asString()).isEqualTo("HTTP 503");
        assertThat(dispute.get("liaison").isNull()).isTrue();
        assertThat(queue(DeliveryQueues.VILLAGE).backlog()).isPositive();

        // still down: the redelivery keeps it for later
        Instant later = Instant.now().plusSeconds(600);
        assertThat(queue(DeliveryQueues.VILLAGE).due(later, 1000)).contains(id);
        assertThat(queue(DeliveryQueues.VILLAGE).redeliver(id)).isEqualTo(Delivery.Outcome.RETRY);

        GridStub.get().down(false);
        assertThat(queue(DeliveryQueues.VILLAGE).redeliver(id)).isEqualTo(Delivery.Outcome.DELIVERED);
        assertThat(queue(DeliveryQueues.VILLAGE).redeliver(id)).isEqualTo(Delivery.Outcome.SKIPPED);
        assertThat(queue(DeliveryQueues.VILLAGE).due(later, 1000)).doesNotContain(id);

        JsonNode verified = fixtures.get(bearer(citizen, "CITIZEN"), id);
        assertThat(verified.get("villageCheck").get("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.get("villageCheck").get("villageName").asString()).isEqualTo("岩下村");
        assertThat(verified.get("villageDelivery").get("status").asString()).isEqualTo("DELIVERED");
        assertThat(verified.get("liaison").get("chiefs").get(0).get("officerId").asString()).isEqualTo("o-" + village + "-1");
    }

    @Test
    void aQueueThatFoundNothingPendingStillSeesTheNextIntakeGridServiceCouldNotCheck() {
        Instant later = Instant.now().plus(Duration.ofDays(365));
        // drain what earlier tests left pending, until the queue has found nothing pending
        for (int round = 0; round < 20 && !queue(DeliveryQueues.VILLAGE).due(later, 1000).isEmpty(); round++) {
            queue(DeliveryQueues.VILLAGE).due(later, 1000).forEach(queue(DeliveryQueues.VILLAGE)::redeliver);
        }
        assertThat(queue(DeliveryQueues.VILLAGE).due(later, 1000)).isEmpty();
        assertThat(queue(DeliveryQueues.VILLAGE).backlog()).isZero();

        GridStub.get().down(true);
        String id = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();

        assertThat(queue(DeliveryQueues.VILLAGE).backlog()).isPositive();
        assertThat(queue(DeliveryQueues.VILLAGE).due(later, 1000)).contains(id);
        // not due before its next attempt
        assertThat(queue(DeliveryQueues.VILLAGE).due(Instant.now().minusSeconds(60), 1000)).doesNotContain(id);
        GridStub.get().down(false);
        assertThat(queue(DeliveryQueues.VILLAGE).redeliver(id)).isEqualTo(Delivery.Outcome.DELIVERED);
        assertThat(queue(DeliveryQueues.VILLAGE).due(later, 1000)).doesNotContain(id);
    }

    @Test
    void thePlatformsDeliverySchedulerDrivesBothQueuesAsTheService() {
        GridStub.get().down(true);
        String id = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();
        GridStub.get().down(false);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // the scheduler's clock is past the first backoff (2 s), as the next round would be
        DeliveryScheduler scheduler = new DeliveryScheduler(queues, meters,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)), Duration.ofHours(1), 1000);
        int before = GridStub.get().authorizations().size();

        scheduler.runOnce();

        JsonNode verified = fixtures.get(bearer(citizen, "CITIZEN"), id);
        assertThat(verified.get("villageCheck").get("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.get("liaison").isNull()).isFalse();
        assertThat(meters.get("fengqiao.delivery.redeliveries").tag("queue", DeliveryQueues.VILLAGE)
                .tag("outcome", "delivered").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("fengqiao.delivery.backlog").tag("queue", DeliveryQueues.LIAISON).gauge().value())
                .isNotNegative();
        // no user behind a scheduled redelivery: every call carries the service's own token
        List<String> sent = GridStub.get().authorizations();
        assertThat(sent.subList(before, sent.size())).isNotEmpty()
                .allSatisfy(authorization -> assertThat(claims(authorization)).contains("\"roles\":[\"SERVICE\"]"));
    }

    private static String claims(String authorization) {
        return new String(Base64.getUrlDecoder().decode(authorization.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void whenOnlyTheLiaisonIsUnavailableItFillsInLater() {
        GridStub.get().liaisonDown(true);

        JsonNode dispute = fixtures.open(bearer(citizen, "CITIZEN"),
                DisputeFixtures.citizenIntake(village, organisation));
        String id = dispute.get("id").asString();
        assertThat(dispute.get("villageCheck").get("status").asString()).isEqualTo("VERIFIED");
        assertThat(dispute.get("liaisonPending").asBoolean()).isTrue();
        assertThat(dispute.get("liaison").isNull()).isTrue();

        GridStub.get().liaisonDown(false);
        assertThat(queue(DeliveryQueues.LIAISON).due(Instant.now().plusSeconds(600), 1000)).contains(id);
        assertThat(queue(DeliveryQueues.LIAISON).redeliver(id)).isEqualTo(Delivery.Outcome.DELIVERED);

        JsonNode filled = fixtures.get(bearer(citizen, "CITIZEN"), id);
        assertThat(filled.get("liaisonPending").asBoolean()).isFalse();
        assertThat(filled.get("liaison").get("gridOfficers").get(0).get("name").asString()).isEqualTo("李辅警");
    }

    @Test
    void theVillageCheckCarriesTheCallersTokenAndTheLiaisonTheServicesOwn() {
        String token = bearer(citizen, "CITIZEN");
        int before = GridStub.get().authorizations().size();

        fixtures.open(token, DisputeFixtures.citizenIntake(village, organisation));

        List<String> sent = List.copyOf(GridStub.get().authorizations().subList(before,
                GridStub.get().authorizations().size()));
        assertThat(sent).hasSize(2);
        // the village check for the citizen; the liaison (staff data) as mediation-service (TestTokens: SERVICE)
        assertThat(sent.get(0)).isEqualTo(token);
        assertThat(sent.get(1)).startsWith("Bearer ").isNotEqualTo(token);
        assertThat(claims(sent.get(1))).contains("\"sub\":\"mediation-service\"", "SERVICE");
    }

    @Test
    void aGridOfficerRegistersInTheirCountyAndTheDisputeIsRoutedThere() {
        String officer = TestTokens.user(DisputeFixtures.unique("officer")).roles("GRID_OFFICER").county(JINYUN)
                .bearer();
        Map<String, Object> body = DisputeFixtures.citizenIntake(village, null);
        JsonNode dispute = fixtures.open(officer, body);
        assertThat(dispute.get("source").asString()).isEqualTo("GRID_OFFICER");
        assertThat(dispute.get("organisationId").isNull()).isFalse();
        assertThat(dispute.get("parties").get(0).get("self").asBoolean()).isFalse();

        Map<String, Object> elsewhere = DisputeFixtures.citizenIntake(DisputeFixtures.freshVillage(SUICHANG), null);
        http.post().uri("/api/mediation/disputes").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).body(elsewhere).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_CALLER_AREA");
    }

    @Test
    void aPartySeesOnlyTheirOwnDisputes() {
        String id = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();
        String stranger = bearer(DisputeFixtures.unique("citizen"), "CITIZEN");

        http.get().uri("/api/mediation/disputes/{id}", id).header("Authorization", stranger).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("DISPUTE_NOT_FOUND");
        http.get().uri("/api/mediation/disputes?size=200").header("Authorization", stranger).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.page.totalElements").isEqualTo(0);
        http.get().uri("/api/mediation/disputes").header("Authorization", bearer(citizen, "CITIZEN")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page.totalElements").isEqualTo(1)
                .jsonPath("$.content[0].id").isEqualTo(id);
        // the organisation head and a commander see it
        http.get().uri("/api/mediation/disputes?organisationId={o}", organisation)
                .header("Authorization", bearer(head, "MEDIATOR")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.content[*].id").value(List.class,
                        ids -> assertThat(ids).containsExactly(id));
        http.get().uri("/api/mediation/disputes/{id}", id)
                .header("Authorization", TestTokens.user("cmd").roles("COMMANDER").county("331121").bearer())
                .exchange().expectStatus().isOk();
        // an administrator keeps the registers, not the cases
        http.get().uri("/api/mediation/disputes/{id}", id).header("Authorization", DisputeFixtures.ADMIN).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aPartysContactIsRevealedOnlyWithAPurposeAndAuditedAndNeverToAParty() {
        JsonNode dispute = fixtures.open(bearer(citizen, "CITIZEN"),
                DisputeFixtures.citizenIntake(village, organisation));
        String id = dispute.get("id").asString();
        String respondent = dispute.get("parties").get(1).get("partyId").asString();
        String headToken = bearer(head, "MEDIATOR");

        http.get().uri("/api/mediation/disputes/{id}/parties/{p}/contact", id, respondent)
                .header("Authorization", headToken).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PERSONAL_DATA_PURPOSE_REQUIRED");
        http.get().uri("/api/mediation/disputes/{id}/parties/{p}/contact?purpose={why}", id, respondent, "约定调解时间")
                .header("Authorization", bearer(citizen, "CITIZEN")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("PERSONAL_DATA_REVEAL_FORBIDDEN");
        http.get().uri("/api/mediation/disputes/{id}/parties/{p}/contact?purpose={why}", id, respondent, "约定调解时间")
                .header("Authorization", headToken).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("李四光")
                .jsonPath("$.phone").isEqualTo("13787654321");
        assertThat(mongo.count(Query.query(Criteria.where("recordId").is(id + "/" + respondent)
                .and("actor").is(head)), RevealRecord.class)).isEqualTo(2);
    }

    private DeliveryQueue queue(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }
}
