package cn.lishui.police.mediation.dispute;

import static cn.lishui.police.mediation.dispute.DisputeFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import cn.lishui.police.mediation.GridStub;
import cn.lishui.police.mediation.MediationApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The one-month limit: an overdue dispute is escalated to its organisation's head, once. */
class OverdueEscalationTest extends MediationApiTestBase {

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Disputes disputes;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KpiCounters kpis;

    @Test
    void anOverdueDisputeIsEscalatedToTheHeadOnceAndCounted() {
        DisputeFixtures fixtures = new DisputeFixtures(http);
        String village = DisputeFixtures.freshVillage("331124");
        GridStub.get().village(village, "大东坝村");
        String head = DisputeFixtures.unique("head");
        String organisation = fixtures.organisation("331124", "GOVERNANCE_CENTRE", head);
        String citizen = DisputeFixtures.unique("citizen");
        String id = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();
        double overdueBefore = meters.get("fengqiao.disputes.overdue").gauge().value();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("dueAt", Instant.now().minusSeconds(60)), Dispute.class);
        // a write past the service (as a repair would be): the KPI counters are rebuilt to see it
        kpis.rebuild();

        assertThat(meters.get("fengqiao.disputes.overdue").gauge().value()).isEqualTo(overdueBefore + 1);
        assertThat(disputes.escalateOverdue()).isPositive();
        assertThat(disputes.escalateOverdue()).isZero();

        JsonNode dispute = fixtures.get(bearer(head, "MEDIATOR"), id);
        assertThat(dispute.get("overdue").asBoolean()).isTrue();
        assertThat(dispute.get("escalatedAt").isNull()).isFalse();
        assertThat(dispute.get("history").toString()).contains("escalate");
        http.get().uri("/api/mediation/disputes?overdue=true&organisationId={o}", organisation)
                .header("Authorization", bearer(head, "MEDIATOR")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.content[0].id").isEqualTo(id);
        assertThat(meters.get("fengqiao.disputes.escalations").tag("county", "331124").counter().count())
                .isGreaterThanOrEqualTo(1);
    }
}
