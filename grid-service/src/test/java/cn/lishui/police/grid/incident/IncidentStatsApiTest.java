package cn.lishui.police.grid.incident;

import java.time.Instant;
import java.util.Date;
import java.util.TreeMap;

import cn.lishui.police.grid.GridFixture;
import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** KPIs of Longquan for March 2026 against March 2025. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class IncidentStatsApiTest {

    static final String COUNTY = "331181";
    static final String A = "331181101201";
    static final String B = "331181101202";
    static final String C = "331181101203";

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    int seq;

    @BeforeEach
    void threeVillagesAndAYearOfIncidents() {
        new GridFixture(http, mongo).clear("incidents").village(A, "甲村").village(B, "乙村").village(C, "丙村");
        theft(A, "2026-03-02T02:00:00Z", "STATION", 60L, 300L);
        theft(A, "2026-03-10T02:00:00Z", "STATION", 120L, 400L);
        theft(B, "2026-03-20T02:00:00Z", null, 180L, 500L);
        incident("ROBBERY_SNATCHING", true, B, "2026-03-25T02:00:00Z", "SOLVED", "OTHER_UNIT", 240L, 600L);
        incident("DISPUTE", false, C, "2026-03-05T02:00:00Z", "CLEARED", null, 600L, null);
        incident("DISPUTE", false, C, "2026-03-31T15:00:00Z", null, null, null, null);
        // 1 April 00:30 in Lishui: outside the period
        incident("THEFT", true, C, "2026-03-31T16:30:00Z", null, null, null, null);
        for (int i = 0; i < 4; i++) {
            incident("THEFT", true, A, "2025-03-1" + i + "T02:00:00Z", null, null, null, null);
            incident("ROBBERY_SNATCHING", true, A, "2025-03-1" + i + "T03:00:00Z", null, null, null, null);
        }
        incident("THEFT", true, A, "2025-04-10T02:00:00Z", null, null, null, null);
    }

    void theft(String village, String at, String solvedBy, Long dispatch, Long arrival) {
        incident("THEFT", true, village, at, solvedBy == null ? null : "SOLVED", solvedBy, dispatch, arrival);
    }

    void incident(String category, boolean criminal, String village, String at, String outcome, String solvedBy,
                  Long dispatch, Long arrival) {
        mongo.getCollection("incidents").insertOne(new Document("_id", "stats-" + (++seq)).append("number", "S" + seq)
                .append("category", category).append("criminal", criminal).append("villageCode", village)
                .append("countyCode", COUNTY).append("reportedAt", Date.from(Instant.parse(at)))
                .append("status", outcome == null ? "REPORTED" : "CLOSED").append("outcome", outcome)
                .append("solvedBy", solvedBy).append("dispatchSeconds", dispatch).append("arrivalSeconds", arrival));
    }

    RestTestClient.ResponseSpec stats(String token, String query) {
        return http.get().uri("/api/grid/stats/incidents?" + query).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    @Test
    void countsByCategoryWithTheYearEarlierZeroCaseVillagesStationShareAndPercentiles() {
        stats(TestTokens.bearer("commander-1", "COMMANDER"),
                "from=2026-03-01&to=2026-03-31&county=" + COUNTY + "&zeroCaseDays=31")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.county").isEqualTo(COUNTY)
                .jsonPath("$.previousFrom").isEqualTo("2025-03-01")
                .jsonPath("$.total.current").isEqualTo(6)
                .jsonPath("$.total.previous").isEqualTo(8)
                .jsonPath("$.total.yoyChangePercent").isEqualTo(-25.0)
                .jsonPath("$.criminal.current").isEqualTo(4)
                .jsonPath("$.byCategory[?(@.category == 'THEFT')].current").isEqualTo(3)
                .jsonPath("$.byCategory[?(@.category == 'THEFT')].previous").isEqualTo(4)
                .jsonPath("$.byCategory[?(@.category == 'THEFT')].yoyChangePercent").isEqualTo(-25.0)
                .jsonPath("$.byCategory[?(@.category == 'ROBBERY_SNATCHING')].yoyChangePercent").isEqualTo(-75.0)
                .jsonPath("$.byCategory[?(@.category == 'DISPUTE')].current").isEqualTo(2)
                .jsonPath("$.byCategory[4].category").isEqualTo("DISPUTE")
                .jsonPath("$.byCategory[4].yoyChangePercent").isEmpty()
                .jsonPath("$.zeroCaseVillages.villages").isEqualTo(3)
                .jsonPath("$.zeroCaseVillages.zeroCaseVillages").isEqualTo(1)
                .jsonPath("$.solvedCriminalCases.solved").isEqualTo(3)
                .jsonPath("$.solvedCriminalCases.solvedByStation").isEqualTo(2)
                .jsonPath("$.solvedCriminalCases.stationSharePercent").isEqualTo(66.67)
                .jsonPath("$.dispatchSeconds.count").isEqualTo(5)
                .jsonPath("$.dispatchSeconds.p50").isEqualTo(180)
                .jsonPath("$.dispatchSeconds.p90").isEqualTo(600)
                .jsonPath("$.arrivalSeconds.p50").isEqualTo(400)
                .jsonPath("$.arrivalSeconds.p90").isEqualTo(600);
    }

    @Test
    void anOfficerSeesOnlyTheirCountyAndBadPeriodsAreProblems() {
        String officer = TestTokens.user("officer-lq").roles("POLICE").county("331102").bearer();
        stats(officer, "from=2026-03-01&to=2026-03-31&county=" + COUNTY).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_CALLER_AREA");
        stats(officer, "from=2026-03-31&to=2026-03-01").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_PERIOD");
        stats(officer, "from=2026-13-01").expectStatus().isBadRequest();
        stats(TestTokens.bearer("citizen-1", "CITIZEN"), "").expectStatus().isForbidden();
    }

    @Test
    void percentilesAreNearestRank() {
        TreeMap<Long, Long> histogram = new TreeMap<>();
        histogram.put(10L, 9L);
        histogram.put(100L, 1L);
        assertThat(IncidentStats.rank(histogram, 10, 0.5)).isEqualTo(10L);
        assertThat(IncidentStats.rank(histogram, 10, 0.9)).isEqualTo(10L);
        assertThat(IncidentStats.rank(histogram, 10, 0.95)).isEqualTo(100L);
        assertThat(IncidentStats.rank(new TreeMap<>(), 0, 0.5)).isNull();
    }
}
