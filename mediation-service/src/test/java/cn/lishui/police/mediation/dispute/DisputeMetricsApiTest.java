package cn.lishui.police.mediation.dispute;

import static cn.lishui.police.mediation.dispute.DisputeFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.lishui.police.mediation.GridStub;
import cn.lishui.police.mediation.MediationApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** What operators see on /actuator/prometheus: disputes opened and closed by county and category, and timings. */
class DisputeMetricsApiTest extends MediationApiTestBase {

    private static final String QINGYUAN = "331126";

    @Autowired
    RestTestClient http;

    @Test
    void openingAgreeingAndClosingAreExportedWithCountyAndCategoryAndNoPersonalData() {
        DisputeFixtures fixtures = new DisputeFixtures(http);
        String village = DisputeFixtures.freshVillage(QINGYUAN);
        GridStub.get().village(village, "举水村");
        String head = DisputeFixtures.unique("head");
        String organisation = fixtures.organisation(QINGYUAN, "PEOPLES_MEDIATION_COMMITTEE", head);
        String subject = DisputeFixtures.unique("mediator");
        String mediator = fixtures.mediator(organisation, subject, List.of("NEIGHBOUR"), List.of(), 5);
        JsonNode dispute = fixtures.open(bearer(DisputeFixtures.unique("citizen"), "CITIZEN"),
                DisputeFixtures.citizenIntake(village, organisation));
        String id = dispute.get("id").asString();
        fixtures.act(bearer(head, "MEDIATOR"), id, "accept", null).expectStatus().isOk();
        fixtures.act(bearer(head, "MEDIATOR"), id, "assign", Map.of("mediatorId", mediator)).expectStatus().isOk();
        fixtures.act(bearer(subject, "MEDIATOR"), id, "start", null).expectStatus().isOk();
        fixtures.act(bearer(subject, "MEDIATOR"), id, "agree", Map.of("agreement", DisputeFixtures.agreement(dispute)))
                .expectStatus().isOk();
        fixtures.act(bearer(subject, "MEDIATOR"), id, "follow-up", Map.of("result", "PERFORMED")).expectStatus().isOk();
        fixtures.act(bearer(subject, "MEDIATOR"), id, "close", null).expectStatus().isOk();

        String scrape = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(line(scrape, "fengqiao_disputes_opened_total{")).contains("county=\"331126\"",
                "category=\"NEIGHBOUR\"");
        assertThat(line(scrape, "fengqiao_disputes_closed_total{")).contains("county=\"331126\"");
        assertThat(scrape).contains("fengqiao_disputes_overdue{");
        assertThat(line(scrape, "fengqiao_disputes_time_to_agreement_seconds_bucket{")).contains("county=\"331126\"");
        assertThat(scrape).doesNotContain("张三丰", "13912345678");
        // the state of the grid-service client's circuit breaker (one breaker per Feign method)
        assertThat(scrape.lines().filter(l -> l.startsWith("resilience4j_circuitbreaker_state{"))
                .filter(l -> l.contains("GridClient")).toList())
                .as(scrape.lines().filter(l -> l.startsWith("resilience4j_circuitbreaker_state")).toList().toString())
                .isNotEmpty();
    }

    /** The first sample line of a metric for the county (tags come in alphabetical order). */
    private static String line(String scrape, String prefix) {
        return scrape.lines().filter(l -> l.startsWith(prefix) && l.contains("331126")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " for 331126 in the scrape"));
    }
}
