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

/** Mediator suggestions: ranked by dialect, specialty, area and load, each score explained. */
class MediatorSuggestionsApiTest extends MediationApiTestBase {

    private static final String SUICHANG = "331123";

    @Autowired
    RestTestClient http;

    @Test
    void theMediatorWhoSpeaksThePartiesDialectAndKnowsTheCategoryComesFirstWithItsReasons() {
        DisputeFixtures fixtures = new DisputeFixtures(http);
        String village = DisputeFixtures.freshVillage(SUICHANG);
        GridStub.get().village(village, "石练村");
        String head = DisputeFixtures.unique("head");
        String organisation = fixtures.organisation(SUICHANG, "PEOPLES_MEDIATION_COMMITTEE", head);
        // 乡音 team: one speaks both parties' dialects and mediates neighbour disputes
        String best = fixtures.mediator(organisation, DisputeFixtures.unique("m"), List.of("NEIGHBOUR"),
                List.of("缙云话", "温州话"), 5);
        String dialectOnly = fixtures.mediator(organisation, DisputeFixtures.unique("m"), List.of("COMMERCIAL"),
                List.of("温州话"), 5);
        String none = fixtures.mediator(organisation, DisputeFixtures.unique("m"), List.of("COMMERCIAL"),
                List.of("普通话"), 5);
        String id = fixtures.open(bearer(DisputeFixtures.unique("citizen"), "CITIZEN"),
                DisputeFixtures.citizenIntake(village, organisation)).get("id").asString();

        JsonNode answer = http.get().uri("/api/mediation/disputes/{id}/mediator-suggestions", id)
                .header("Authorization", bearer(head, "MEDIATOR")).header("Accept-Language", "en").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(answer.get("scope").asString()).isEqualTo("ORGANISATION");
        assertThat(answer.get("candidates").asInt()).isEqualTo(3);
        JsonNode ranked = answer.get("suggestions");
        assertThat(List.of(ranked.get(0).get("mediatorId").asString(), ranked.get(1).get("mediatorId").asString(),
                ranked.get(2).get("mediatorId").asString())).containsExactly(best, dialectOnly, none);
        JsonNode top = ranked.get(0);
        // 35 dialect + 30 specialty + 10 same county (no area given: the organisation has no town) + 15 empty desk
        assertThat(top.get("score").asInt()).isEqualTo(90);
        assertThat(top.get("factors").get(0).get("factor").asString()).isEqualTo("DIALECT");
        assertThat(top.get("factors").get(0).get("reason").asString()).contains("缙云话", "温州话");
        assertThat(top.get("factors").get(1).get("reason").asString()).isEqualTo("specialises in neighbour disputes");
        assertThat(ranked.get(1).get("factors").get(0).get("points").asInt()).isEqualTo(18);
        assertThat(ranked.get(2).get("factors").get(0).get("points").asInt()).isZero();

        // a party does not get suggestions
        http.get().uri("/api/mediation/disputes/{id}/mediator-suggestions", id)
                .header("Authorization", bearer("c", "CITIZEN")).exchange().expectStatus().isForbidden();
    }

    @Test
    void aBusyMediatorRanksBelowAnIdleOneAndAFullOneIsUnavailable() {
        DisputeFixtures fixtures = new DisputeFixtures(http);
        String village = DisputeFixtures.freshVillage(SUICHANG);
        GridStub.get().village(village, "大田村");
        String head = DisputeFixtures.unique("head");
        String organisation = fixtures.organisation(SUICHANG, "PEOPLES_MEDIATION_COMMITTEE", head);
        String full = fixtures.mediator(organisation, DisputeFixtures.unique("m"), List.of("NEIGHBOUR"),
                List.of("缙云话", "温州话"), 1);
        String idle = fixtures.mediator(organisation, DisputeFixtures.unique("m"), List.of("COMMERCIAL"), List.of(), 3);
        String citizen = DisputeFixtures.unique("citizen");
        String first = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();
        fixtures.act(bearer(head, "MEDIATOR"), first, "accept", null).expectStatus().isOk();
        fixtures.act(bearer(head, "MEDIATOR"), first, "assign", Map.of("mediatorId", full)).expectStatus().isOk();
        String second = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();

        JsonNode ranked = http.get().uri("/api/mediation/disputes/{id}/mediator-suggestions", second)
                .header("Authorization", bearer(head, "MEDIATOR")).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("suggestions");

        assertThat(ranked.get(0).get("mediatorId").asString()).isEqualTo(idle);
        assertThat(ranked.get(0).get("available").asBoolean()).isTrue();
        assertThat(ranked.get(1).get("mediatorId").asString()).isEqualTo(full);
        assertThat(ranked.get(1).get("available").asBoolean()).isFalse();
        assertThat(ranked.get(1).get("caseload").asInt()).isEqualTo(1);
        assertThat(ranked.get(1).get("factors").get(3).get("points").asInt()).isZero();
    }
}
