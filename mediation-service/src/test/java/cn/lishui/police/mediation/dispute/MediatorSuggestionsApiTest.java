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

    @Test
    void aShortListIsTheTopOfTheWholeRankingBestFirstThenLighterCaseloadThenName() {
        DisputeFixtures fixtures = new DisputeFixtures(http);
        String village = DisputeFixtures.freshVillage(SUICHANG);
        GridStub.get().village(village, "湖山村");
        String head = DisputeFixtures.unique("head");
        String organisation = fixtures.organisation(SUICHANG, "PEOPLES_MEDIATION_COMMITTEE", head);
        // twelve mediators, several with equal scores, so the ties decide part of the order
        List<List<String>> dialects = List.of(List.of("缙云话", "温州话"), List.of("温州话"), List.of());
        List<List<String>> specialties = List.of(List.of("NEIGHBOUR"), List.of("COMMERCIAL"));
        for (int i = 0; i < 12; i++) {
            fixtures.mediator(organisation, "rank-" + (char) ('a' + (i * 5) % 12) + "-" + DisputeFixtures.unique("m"),
                    specialties.get(i % 2), dialects.get(i % 3), 1 + i % 4);
        }
        String citizen = DisputeFixtures.unique("citizen");
        String id = fixtures.open(bearer(citizen, "CITIZEN"), DisputeFixtures.citizenIntake(village, organisation))
                .get("id").asString();

        JsonNode all = suggestions(head, id, 50);
        assertThat(all.get("candidates").asInt()).isEqualTo(12);
        JsonNode ranked = all.get("suggestions");
        assertThat(ranked.size()).isEqualTo(12);
        for (int i = 1; i < ranked.size(); i++) {
            JsonNode before = ranked.get(i - 1);
            JsonNode after = ranked.get(i);
            int byScore = Integer.compare(after.get("score").asInt(), before.get("score").asInt());
            int byName = before.get("name").asString().compareTo(after.get("name").asString());
            assertThat(byScore < 0 || (byScore == 0 && byName < 0))
                    .as("%s before %s", before.get("name").asString(), after.get("name").asString()).isTrue();
        }
        for (int limit : new int[] {1, 3, 11}) {
            JsonNode top = suggestions(head, id, limit).get("suggestions");
            assertThat(top.size()).isEqualTo(limit);
            for (int i = 0; i < limit; i++) {
                assertThat(top.get(i)).as("limit %d, place %d", limit, i).isEqualTo(ranked.get(i));
            }
        }
    }

    private JsonNode suggestions(String head, String id, int limit) {
        return http.get().uri("/api/mediation/disputes/{id}/mediator-suggestions?limit={l}", id, limit)
                .header("Authorization", bearer(head, "MEDIATOR")).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
