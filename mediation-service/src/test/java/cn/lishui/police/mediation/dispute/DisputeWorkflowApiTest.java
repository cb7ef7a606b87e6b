package cn.lishui.police.mediation.dispute;

import static cn.lishui.police.mediation.dispute.DisputeFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.mediation.GridStub;
import cn.lishui.police.mediation.MediationApiTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** A dispute from a citizen's intake through mediation, agreement, follow-up visits and closing. */
class DisputeWorkflowApiTest extends MediationApiTestBase {

    private static final String JINYUN = "331122";

    @Autowired
    RestTestClient http;

    DisputeFixtures fixtures;
    String village;
    String head;
    String organisation;
    String mediatorSubject;
    String mediator;
    String citizen;

    @BeforeEach
    void setUp() {
        fixtures = new DisputeFixtures(http);
        village = DisputeFixtures.freshVillage(JINYUN);
        GridStub.get().village(village, "下洋村");
        head = DisputeFixtures.unique("head");
        organisation = fixtures.organisation(JINYUN, "POLICE_STATION_ROOM", head);
        mediatorSubject = DisputeFixtures.unique("mediator");
        mediator = fixtures.mediator(organisation, mediatorSubject, List.of("NEIGHBOUR"), List.of("缙云话"), 5);
        citizen = DisputeFixtures.unique("citizen");
    }

    private String headToken() {
        return bearer(head, "MEDIATOR");
    }

    private String mediatorToken() {
        return bearer(mediatorSubject, "MEDIATOR");
    }

    @Test
    void aCitizensIntakeIsRegisteredWithMaskedPartiesAVerifiedVillageAndItsPoliceLiaison() {
        JsonNode dispute = fixtures.open(bearer(citizen, "CITIZEN"),
                DisputeFixtures.citizenIntake(village, organisation));

        assertThat(dispute.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(dispute.get("source").asString()).isEqualTo("CITIZEN");
        assertThat(dispute.get("countyCode").asString()).isEqualTo(JINYUN);
        assertThat(dispute.get("organisationId").asString()).isEqualTo(organisation);
        assertThat(dispute.get("parties").get(0).get("name").asString()).isEqualTo("张**");
        assertThat(dispute.get("parties").get(0).get("phone").asString()).isEqualTo("139****5678");
        assertThat(dispute.get("parties").get(0).get("self").asBoolean()).isTrue();
        assertThat(dispute.get("parties").get(1).get("self").asBoolean()).isFalse();
        assertThat(dispute.toString()).doesNotContain("张三丰", "13912345678", "李四光", "ciphertext");
        assertThat(dispute.get("villageCheck").get("status").asString()).isEqualTo("VERIFIED");
        assertThat(dispute.get("villageCheck").get("villageName").asString()).isEqualTo("下洋村");
        assertThat(dispute.get("liaison").get("chiefs").get(0).get("name").asString()).isEqualTo("王警官");
        assertThat(dispute.get("liaison").get("gridOfficers").get(0).get("gridName").asString()).isEqualTo("一网格");
        assertThat(dispute.get("liaisonPending").asBoolean()).isFalse();
        assertThat(dispute.get("allowedActions").toString()).contains("accept", "decline", "withdraw");
        LocalDate registered = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(dispute.get("dueAt").asString())
                .startsWith(registered.plusMonths(1).plusDays(1).minusDays(1).toString());
    }

    @Test
    void theWholeWorkflowFromAcceptanceToClosing() {
        JsonNode dispute = fixtures.open(bearer(citizen, "CITIZEN"),
                DisputeFixtures.citizenIntake(village, organisation));
        String id = dispute.get("id").asString();

        fixtures.act(headToken(), id, "accept", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");
        fixtures.act(headToken(), id, "assign", Map.of("mediatorId", mediator)).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ASSIGNED")
                .jsonPath("$.mediatorId").isEqualTo(mediator);
        http.get().uri("/api/mediation/mediators/{id}", mediator).header("Authorization", headToken()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.caseload").isEqualTo(1);
        fixtures.act(mediatorToken(), id, "start", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("IN_MEDIATION");

        // a session in the mediation room, then its record
        Map<String, Object> session = Map.of("scheduledAt", "2099-01-10T02:00:00Z", "place", "壶镇派出所调解室",
                "attendees", List.of("申请人", "被申请人", "网格警官"));
        JsonNode scheduled = http.post().uri("/api/mediation/disputes/{id}/sessions", id)
                .header("Authorization", mediatorToken()).contentType(MediaType.APPLICATION_JSON).body(session)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        http.post().uri("/api/mediation/disputes/{id}/sessions/{s}/actions/record", id,
                        scheduled.get("sessionId").asString())
                .header("Authorization", mediatorToken()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("record", "双方陈述事实，同意清理杂物并赔偿。")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.record").isEqualTo("双方陈述事实，同意清理杂物并赔偿。");

        // an agreement without its statutory contents is refused, naming each missing part
        fixtures.act(mediatorToken(), id, "agree", Map.of("agreement", Map.of("terms", "赔偿1500元")))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("AGREEMENT_INCOMPLETE")
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields).contains(
                        "agreement.facts", "agreement.responsibilities", "agreement.performanceManner",
                        "agreement.performancePlace", "agreement.performanceDeadline", "agreement.mediatorSigned",
                        "agreement.sealed").doesNotContain("agreement.terms"));

        JsonNode agreed = fixtures.act(mediatorToken(), id, "agree",
                        Map.of("agreement", DisputeFixtures.agreement(dispute)))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(agreed.get("status").asString()).isEqualTo("AGREED");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(agreed.get("agreement").get("judicialConfirmationDeadline").asString())
                .isEqualTo(today.plusDays(30).toString());
        assertThat(agreed.get("agreement").get("judicialConfirmationDaysLeft").asInt()).isEqualTo(30);
        assertThat(agreed.get("followUpDue").asString()).isEqualTo(today.plusDays(15).toString());

        // the follow-up finds it not performed: mediation reopens; then a new agreement, performed
        fixtures.act(mediatorToken(), id, "follow-up", Map.of("result", "NOT_PERFORMED", "reopen", true,
                        "note", "被申请人未清理杂物"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IN_MEDIATION")
                .jsonPath("$.agreement").doesNotExist();
        fixtures.act(mediatorToken(), id, "agree", Map.of("agreement", DisputeFixtures.agreement(dispute)))
                .expectStatus().isOk();
        fixtures.act(mediatorToken(), id, "follow-up", Map.of("result", "PERFORMED"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("FOLLOWED_UP")
                .jsonPath("$.agreement.performance").isEqualTo("PERFORMED")
                .jsonPath("$.followUps.length()").isEqualTo(2);
        fixtures.act(mediatorToken(), id, "close", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.closedAt").isNotEmpty()
                .jsonPath("$.allowedActions.length()").isEqualTo(0);

        http.get().uri("/api/mediation/mediators/{id}", mediator).header("Authorization", headToken()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.caseload").isEqualTo(0);
    }

    @Test
    void anActionTheStateDoesNotAllowIsAConflictListingTheAllowedActions() {
        String id = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();

        fixtures.act(headToken(), id, "close", null)
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("ILLEGAL_TRANSITION")
                .jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).contains("accept, decline, withdraw, add-party"))
                .jsonPath("$.state").isEqualTo("REGISTERED")
                .jsonPath("$.allowedActions").value(List.class,
                        actions -> assertThat(actions).containsExactly("accept", "decline", "withdraw", "add-party"));
        fixtures.act(headToken(), id, "fly", null).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_ACTION");
    }

    @Test
    void onlyTheHeadAcceptsAndOnlyTheAssignedMediatorMediates() {
        String id = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();

        // the party can see their case but not accept it
        fixtures.act(bearer(citizen, "CITIZEN"), id, "accept", null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("DISPUTE_ACTION_FORBIDDEN");
        // a mediator not on the case does not even see it
        fixtures.act(bearer("someone-else", "MEDIATOR"), id, "accept", null).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("DISPUTE_NOT_FOUND");
        fixtures.act(headToken(), id, "accept", null).expectStatus().isOk();
        fixtures.act(headToken(), id, "assign", Map.of("mediatorId", "no-such-mediator")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_MEDIATOR");
        fixtures.act(headToken(), id, "assign", Map.of("mediatorId", mediator)).expectStatus().isOk();
        // the head may not act as the mediator
        fixtures.act(headToken(), id, "start", null).expectStatus().isForbidden();
        fixtures.act(mediatorToken(), id, "start", null).expectStatus().isOk();
        fixtures.act(mediatorToken(), id, "fail", Map.of("reason", "被申请人拒绝调解")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("REFERRAL_REQUIRED");
        fixtures.act(mediatorToken(), id, "fail", Map.of("reason", "被申请人拒绝调解", "referral", "LITIGATION"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("FAILED")
                .jsonPath("$.outcome.referral").isEqualTo("LITIGATION");
        fixtures.act(headToken(), id, "close", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED");
    }

    @Test
    void aDeclineNeedsAReason() {
        String id = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();

        fixtures.act(headToken(), id, "decline", null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("REASON_REQUIRED");
        fixtures.act(headToken(), id, "decline", Map.of("reason", "已向法院起诉")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DECLINED")
                .jsonPath("$.declineReason").isEqualTo("已向法院起诉");
    }

    @Test
    void aPartyWithdrawsTheirDispute() {
        String id = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();
        fixtures.act(headToken(), id, "accept", null).expectStatus().isOk();

        fixtures.act(bearer(citizen, "CITIZEN"), id, "withdraw", Map.of("reason", "双方已自行和解"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN")
                .jsonPath("$.withdrawalReason").isEqualTo("双方已自行和解");
    }

    @Test
    void aRecusalIsReviewedByTheHeadAndTheCaseGoesToAnotherMediator() {
        String other = DisputeFixtures.unique("mediator");
        String otherMediator = fixtures.mediator(organisation, other, List.of("NEIGHBOUR"), List.of(), 5);
        String id = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();
        fixtures.act(headToken(), id, "accept", null).expectStatus().isOk();
        fixtures.act(headToken(), id, "assign", Map.of("mediatorId", mediator)).expectStatus().isOk();

        Map<String, Object> notOnCase = Map.of("mediatorId", otherMediator, "reason", "与对方当事人是亲戚");
        http.post().uri("/api/mediation/disputes/{id}/recusals", id).header("Authorization", bearer(citizen, "CITIZEN"))
                .contentType(MediaType.APPLICATION_JSON).body(notOnCase).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("MEDIATOR_NOT_ON_CASE");
        JsonNode recusal = http.post().uri("/api/mediation/disputes/{id}/recusals", id)
                .header("Authorization", bearer(citizen, "CITIZEN")).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("mediatorId", mediator, "reason", "调解员与对方当事人是亲戚")).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(recusal.get("status").asString()).isEqualTo("PENDING");
        String recusalId = recusal.get("recusalId").asString();

        Map<String, Object> uphold = new HashMap<>();
        uphold.put("uphold", true);
        uphold.put("replacementMediatorId", otherMediator);
        // the party cannot decide on their own objection
        http.post().uri("/api/mediation/disputes/{id}/recusals/{r}/actions/review", id, recusalId)
                .header("Authorization", bearer(citizen, "CITIZEN")).contentType(MediaType.APPLICATION_JSON)
                .body(uphold).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/mediation/disputes/{id}/recusals/{r}/actions/review", id, recusalId)
                .header("Authorization", headToken()).contentType(MediaType.APPLICATION_JSON).body(uphold).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ASSIGNED")
                .jsonPath("$.mediatorId").isEqualTo(otherMediator)
                .jsonPath("$.recusals[0].status").isEqualTo("UPHELD");
        http.post().uri("/api/mediation/disputes/{id}/recusals/{r}/actions/review", id, recusalId)
                .header("Authorization", headToken()).contentType(MediaType.APPLICATION_JSON).body(uphold).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("RECUSAL_ALREADY_REVIEWED");
        // the recused mediator no longer sees the case
        http.get().uri("/api/mediation/disputes/{id}", id).header("Authorization", mediatorToken()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theHeadReassignsWithAReason() {
        String other = DisputeFixtures.unique("mediator");
        String otherMediator = fixtures.mediator(organisation, other, List.of("LABOUR_WAGES"), List.of(), 5);
        String id = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();
        fixtures.act(headToken(), id, "accept", null).expectStatus().isOk();
        fixtures.act(headToken(), id, "assign", Map.of("mediatorId", mediator)).expectStatus().isOk();

        fixtures.act(headToken(), id, "reassign", Map.of("mediatorId", otherMediator)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("REASON_REQUIRED");
        fixtures.act(headToken(), id, "reassign", Map.of("mediatorId", mediator, "reason", "x"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("MEDIATOR_ALREADY_ON_CASE");
        fixtures.act(headToken(), id, "reassign", Map.of("mediatorId", otherMediator, "reason", "原调解员病假"))
                .expectStatus().isOk().expectBody().jsonPath("$.mediatorId").isEqualTo(otherMediator);
    }

    @Test
    void aMediatorAtCapacityCannotTakeAnotherCase() {
        String busy = DisputeFixtures.unique("mediator");
        String busyMediator = fixtures.mediator(organisation, busy, List.of("NEIGHBOUR"), List.of(), 1);
        String first = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();
        String second = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();
        for (String id : List.of(first, second)) {
            fixtures.act(headToken(), id, "accept", null).expectStatus().isOk();
        }
        fixtures.act(headToken(), first, "assign", Map.of("mediatorId", busyMediator)).expectStatus().isOk();

        fixtures.act(headToken(), second, "assign", Map.of("mediatorId", busyMediator)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("MEDIATOR_AT_CAPACITY");
    }
}
