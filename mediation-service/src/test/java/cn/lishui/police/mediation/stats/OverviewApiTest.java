package cn.lishui.police.mediation.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.lishui.police.mediation.GridStub;
import cn.lishui.police.mediation.MediationApiTestBase;
import cn.lishui.police.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The KPIs: counts, 调处率 and success rate, overdue, average days to close, and the breakdowns. */
class OverviewApiTest extends MediationApiTestBase {

    private static final String ADMIN = TestTokens.bearer("admin-1", "ADMIN");
    private static final String COUNTY = "331125";

    @Autowired
    RestTestClient http;

    @Test
    void theOverviewOfAnOrganisationCountsItsDisputesAndRates() {
        String village = COUNTY + "101" + String.format("%03d", 200 + (int) (Math.random() * 700));
        GridStub.get().village(village, "云和村");
        String head = "head-" + UUID.randomUUID();
        String organisation = create("/api/mediation/organisations", ADMIN, Map.of("name", "云和县调委会 " + head,
                "kind", "PEOPLES_MEDIATION_COMMITTEE", "countyCode", COUNTY, "headId", head));
        String mediatorSubject = "m-" + UUID.randomUUID();
        String mediator = create("/api/mediation/mediators", ADMIN, Map.of("organisationId", organisation,
                "name", "雷调解", "subject", mediatorSubject, "specialties", List.of("NEIGHBOUR"), "capacity", 10));
        String headToken = TestTokens.bearer(head, "MEDIATOR");
        String mediatorToken = TestTokens.bearer(mediatorSubject, "MEDIATOR");

        // four disputes: one agreed and closed, one failed, one in mediation, one only registered
        String[] ids = new String[4];
        for (int i = 0; i < 4; i++) {
            ids[i] = open(village, organisation, i == 1 ? "LABOUR_WAGES" : "NEIGHBOUR");
        }
        for (int i = 0; i < 3; i++) {
            act(headToken, ids[i], "accept", Map.of());
            act(headToken, ids[i], "assign", Map.of("mediatorId", mediator));
            act(mediatorToken, ids[i], "start", Map.of());
        }
        JsonNode first = http.get().uri("/api/mediation/disputes/{id}", ids[0]).header("Authorization", headToken)
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
        Map<String, Object> agreement = new HashMap<>();
        agreement.put("facts", "f");
        agreement.put("responsibilities", "r");
        agreement.put("terms", "t");
        agreement.put("performanceManner", "m");
        agreement.put("performancePlace", "p");
        agreement.put("performanceDeadline", "2099-01-01");
        agreement.put("signedPartyIds", List.of(first.get("parties").get(0).get("partyId").asString(),
                first.get("parties").get(1).get("partyId").asString()));
        agreement.put("mediatorSigned", true);
        agreement.put("sealed", true);
        act(mediatorToken, ids[0], "agree", Map.of("agreement", agreement));
        act(mediatorToken, ids[0], "follow-up", Map.of("result", "PERFORMED"));
        act(mediatorToken, ids[0], "close", Map.of());
        act(mediatorToken, ids[1], "fail", Map.of("referral", "ARBITRATION", "reason", "劳动争议须仲裁"));

        JsonNode overview = http.get().uri("/api/mediation/stats/overview?organisationId={o}", organisation)
                .header("Authorization", headToken).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(overview.get("organisations").asLong()).isEqualTo(1);
        assertThat(overview.get("disputes").asLong()).isEqualTo(4);
        assertThat(overview.get("accepted").asLong()).isEqualTo(3);
        assertThat(overview.get("mediated").asLong()).isEqualTo(2);
        assertThat(overview.get("agreed").asLong()).isEqualTo(1);
        assertThat(overview.get("closed").asLong()).isEqualTo(1);
        assertThat(overview.get("resolutionRate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(overview.get("successRate").asDouble()).isEqualTo(0.5);
        assertThat(overview.get("overdue").asLong()).isZero();
        assertThat(overview.get("averageDaysToClose").asDouble()).isLessThan(1.0);
        assertThat(overview.get("byOrganisation").size()).isEqualTo(1);
        assertThat(overview.get("byOrganisation").get(0).get("key").asString()).isEqualTo(organisation);
        assertThat(overview.get("byOrganisation").get(0).get("name").asString()).startsWith("云和县调委会");
        assertThat(overview.get("byCounty").get(0).get("key").asString()).isEqualTo(COUNTY);
        assertThat(overview.get("byCategory").get(0).get("key").asString()).isEqualTo("NEIGHBOUR");
        assertThat(overview.get("byCategory").get(0).get("disputes").asLong()).isEqualTo(3);
        assertThat(overview.get("byCategory").get(1).get("key").asString()).isEqualTo("LABOUR_WAGES");
        assertThat(overview.get("byCategory").get(1).get("successRate").asDouble()).isZero();
        String thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(overview.get("byPeriod").get(0).get("key").asString()).isEqualTo(thisMonth);

        // a range of months that has none of them counts nothing
        http.get().uri("/api/mediation/stats/overview?organisationId={o}&from=2020-01&to=2020-12", organisation)
                .header("Authorization", headToken).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.disputes").isEqualTo(0)
                .jsonPath("$.resolutionRate").isEmpty();
        http.get().uri("/api/mediation/stats/overview?from=2026-12&to=2026-01")
                .header("Authorization", headToken).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_PERIOD");
        http.get().uri("/api/mediation/stats/overview").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theCityTheCountyAndTheMonthOverviewsEachCountTheDisputesOpenedAndAccepted() {
        String county = "331127";
        String village = county + "102" + String.format("%03d", 200 + (int) (Math.random() * 700));
        GridStub.get().village(village, "景宁村");
        String head = "head-" + UUID.randomUUID();
        String organisation = create("/api/mediation/organisations", ADMIN, Map.of("name", "景宁县调委会 " + head,
                "kind", "PEOPLES_MEDIATION_COMMITTEE", "countyCode", county, "headId", head));
        String headToken = TestTokens.bearer(head, "MEDIATOR");
        String thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        String[] scopes = {"", "?countyCode=" + county, "?from=" + thisMonth + "&to=" + thisMonth,
                "?countyCode=" + county + "&organisationId=" + organisation, "?to=" + thisMonth};
        JsonNode[] before = new JsonNode[scopes.length];
        for (int i = 0; i < scopes.length; i++) {
            before[i] = overview(scopes[i]);
        }

        String[] ids = new String[3];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = open(village, organisation, i == 2 ? "LAND_PROPERTY" : "NEIGHBOUR");
        }
        act(headToken, ids[0], "accept", Map.of());
        act(headToken, ids[1], "accept", Map.of());

        for (int i = 0; i < scopes.length; i++) {
            JsonNode after = overview(scopes[i]);
            assertThat(after.get("disputes").asLong() - before[i].get("disputes").asLong()).as(scopes[i]).isEqualTo(3);
            assertThat(after.get("accepted").asLong() - before[i].get("accepted").asLong()).as(scopes[i]).isEqualTo(2);
            assertThat(row(after, "byCounty", county).get("disputes").asLong()
                    - disputesIn(before[i], "byCounty", county)).as(scopes[i]).isEqualTo(3);
            assertThat(row(after, "byPeriod", thisMonth).get("disputes").asLong()
                    - disputesIn(before[i], "byPeriod", thisMonth)).as(scopes[i]).isEqualTo(3);
            JsonNode mine = row(after, "byOrganisation", organisation);
            assertThat(mine.get("name").asString()).startsWith("景宁县调委会");
            assertThat(mine.get("disputes").asLong()).isEqualTo(3);
            assertThat(mine.get("accepted").asLong()).isEqualTo(2);
        }
        // the organisation's own overview: its disputes only, by category in the categories' order
        JsonNode own = overview("?countyCode=" + county + "&organisationId=" + organisation);
        assertThat(own.get("disputes").asLong()).isEqualTo(3);
        assertThat(own.get("byOrganisation").size()).isEqualTo(1);
        assertThat(own.get("byCategory").get(0).get("key").asString()).isEqualTo("NEIGHBOUR");
        assertThat(own.get("byCategory").get(0).get("disputes").asLong()).isEqualTo(2);
        assertThat(own.get("byCategory").get(1).get("key").asString()).isEqualTo("LAND_PROPERTY");
        // another county's overview does not count them
        assertThat(overview("?countyCode=331126&organisationId=" + organisation).get("disputes").asLong()).isZero();
    }

    private JsonNode overview(String query) {
        return http.get().uri("/api/mediation/stats/overview" + query).header("Authorization", ADMIN).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode row(JsonNode overview, String breakdown, String key) {
        for (JsonNode row : overview.get(breakdown)) {
            if (key.equals(row.get("key").asString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + breakdown);
    }

    private static long disputesIn(JsonNode overview, String breakdown, String key) {
        for (JsonNode row : overview.get(breakdown)) {
            if (key.equals(row.get("key").asString())) {
                return row.get("disputes").asLong();
            }
        }
        return 0;
    }

    private String open(String village, String organisation, String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", category);
        body.put("description", "纠纷");
        body.put("villageCode", village);
        body.put("organisationId", organisation);
        body.put("parties", List.of(Map.of("name", "蓝一", "role", "APPLICANT", "self", true),
                Map.of("name", "雷二", "role", "RESPONDENT")));
        return create("/api/mediation/disputes", TestTokens.bearer("c-" + UUID.randomUUID(), "CITIZEN"), body);
    }

    private void act(String token, String id, String action, Map<String, Object> body) {
        http.post().uri("/api/mediation/disputes/{id}/actions/{a}", id, action).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isOk();
    }

    private String create(String path, String token, Map<String, Object> body) {
        URI location = http.post().uri(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().expectStatus().isCreated().returnResult().getResponseHeaders().getLocation();
        return location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
    }
}
