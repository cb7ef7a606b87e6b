package cn.lishui.police.mediation.dispute;

import static cn.lishui.police.mediation.dispute.DisputeFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.lishui.police.mediation.GridStub;
import cn.lishui.police.mediation.MediationApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The follow-up visits (回访) due: agreed disputes whose visit date has come, listed for the mediator. */
class FollowUpWorklistApiTest extends MediationApiTestBase {

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anAgreedDisputeIsListedOnceItsFollowUpVisitIsDueAndNoLongerOnceVisited() {
        DisputeFixtures fixtures = new DisputeFixtures(http);
        String village = DisputeFixtures.freshVillage("331127");
        GridStub.get().village(village, "景宁村");
        String head = DisputeFixtures.unique("head");
        String organisation = fixtures.organisation("331127", "PEOPLES_MEDIATION_COMMITTEE", head);
        String subject = DisputeFixtures.unique("mediator");
        String mediator = fixtures.mediator(organisation, subject, List.of("NEIGHBOUR"), List.of("畲话"), 10);
        String desk = bearer(subject, "MEDIATOR");
        String id = fixtures.open(bearer(DisputeFixtures.unique("citizen"), "CITIZEN"),
                DisputeFixtures.citizenIntake(village, organisation)).get("id").asString();
        fixtures.act(bearer(head, "MEDIATOR"), id, "accept", null).expectStatus().isOk();
        fixtures.act(bearer(head, "MEDIATOR"), id, "assign", Map.of("mediatorId", mediator)).expectStatus().isOk();
        fixtures.act(desk, id, "start", null).expectStatus().isOk();
        JsonNode agreed = fixtures.act(desk, id, "agree", Map.of("agreement",
                        DisputeFixtures.agreement(fixtures.get(desk, id))))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(LocalDate.parse(agreed.get("followUpDue").asString())).isEqualTo(today.plusDays(15));

        assertThat(dueFor(desk)).doesNotContain(id);

        // fifteen days later (the visit date moved to today rather than the clock)
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("followUpDue", today),
                Dispute.class);
        assertThat(dueFor(desk)).containsExactly(id);

        fixtures.act(desk, id, "follow-up", Map.of("result", "PERFORMED")).expectStatus().isOk();
        assertThat(dueFor(desk)).doesNotContain(id);
    }

    private List<String> dueFor(String token) {
        JsonNode page = http.get().uri("/api/mediation/disputes?followUpDue=true").header("Authorization", token)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return page.get("content").valueStream().map(d -> d.get("id").asString()).toList();
    }
}
