package cn.lishui.police.grid.market;

import java.util.List;
import java.util.Map;

import cn.lishui.police.grid.GridFixture;
import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** 赶街警务: market days in a range with the stall roster; 背包警务 points. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class MarketApiTest {

    static final String VILLAGE = "331123102201";
    static final String POLICE = TestTokens.user("police-sc").roles("POLICE").county("331123").bearer();

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    String ye;
    String mao;

    @BeforeEach
    void aVillageAndTwoOfficers() {
        GridFixture fixture = new GridFixture(http, mongo).clear("markets", "backpack_points").village(VILLAGE, "金竹村");
        ye = fixture.officer("叶警官", "POLICE", "station-331123-01", "13600001111", null);
        mao = fixture.officer("毛辅警", "AUXILIARY", "station-331123-01", "13600002222", null);
    }

    String market(Map<String, Object> schedule) {
        String location = http.post().uri("/api/grid/markets").header(HttpHeaders.AUTHORIZATION, POLICE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "金竹集市", "villageCode", VILLAGE, "schedule", schedule,
                        "services", List.of("身份证办理咨询", "防诈宣传", "矛盾纠纷调解"), "officerIds", List.of(ye, mao),
                        "stallsPerDay", 1))
                .exchange().expectStatus().isCreated().returnResult().getResponseHeaders().getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aMarketOnDaysEndingInOneFourSevenHasItsDatesAndAStallRosterThatRotates() {
        String id = market(Map.of("type", "DAYS_ENDING_IN", "values", List.of(1, 4, 7)));

        http.get().uri("/api/grid/markets/{id}/days?from=2026-03-01&to=2026-03-10", id)
                .header(HttpHeaders.AUTHORIZATION, POLICE).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].date").isEqualTo("2026-03-01")
                .jsonPath("$[1].date").isEqualTo("2026-03-04")
                .jsonPath("$[0].lunar.month").isEqualTo(1)
                .jsonPath("$[0].lunar.day").isEqualTo(13)
                .jsonPath("$[0].stalls.length()").isEqualTo(1)
                .jsonPath("$[0].services[1]").isEqualTo("防诈宣传");
    }

    @Test
    void aLunarMarketAndBadInput() {
        String id = market(Map.of("type", "LUNAR_DAYS", "values", List.of(1, 15)));
        http.get().uri("/api/grid/markets/{id}/days?from=2026-02-10&to=2026-03-10", id)
                .header(HttpHeaders.AUTHORIZATION, POLICE).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].date").isEqualTo("2026-02-17").jsonPath("$[1].date").isEqualTo("2026-03-03");
        http.get().uri("/api/grid/markets/{id}/days?from=2026-03-10&to=2026-02-10", id)
                .header(HttpHeaders.AUTHORIZATION, POLICE).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_PERIOD");
        http.post().uri("/api/grid/markets").header(HttpHeaders.AUTHORIZATION, POLICE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "x", "villageCode", VILLAGE, "schedule", Map.of("type", "LUNAR_DAYS", "values", List.of(31)),
                        "services", List.of("x"), "officerIds", List.of(ye), "stallsPerDay", 1))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_MARKET_SCHEDULE");
        http.get().uri("/api/grid/markets/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("p").roles("POLICE").county("331102").bearer())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void aBackpackPointHasServicesAndAVisitingSchedule() {
        http.post().uri("/api/grid/backpack-points").header(HttpHeaders.AUTHORIZATION, POLICE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "金竹村背包警务点", "villageCode", VILLAGE, "services", List.of("户籍咨询", "代办居住证"),
                        "visitDays", List.of("TUESDAY", "FRIDAY"), "hours", "09:00-11:30", "officerId", ye))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.officerName").isEqualTo("叶警官").jsonPath("$.countyCode").isEqualTo("331123");
        http.get().uri("/api/grid/backpack-points?county=331123").header(HttpHeaders.AUTHORIZATION, POLICE).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].visitDays.length()").isEqualTo(2);
    }
}
