package cn.lishui.police.grid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.grid.GridFixture;
import cn.lishui.police.grid.region.GridLocator;
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

/** Incidents from intake to close: location, dispatch, role and state rules, guidance, reporter masked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class IncidentApiTest {

    static final String VILLAGE = "331123101201";
    static final String GRID = VILLAGE + "001";
    static final String OTHER_VILLAGE = "331123101202";
    static final String COMMANDER = TestTokens.bearer("commander-1", "COMMANDER");

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    GridLocator locator;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    String gridOfficer;
    String otherOfficer;

    @BeforeEach
    void aGridInSuichangWithItsOfficer() {
        GridFixture fixture = new GridFixture(http, mongo).clear("incidents", "enforcement_guides")
                .village(VILLAGE, "金竹村").village(OTHER_VILLAGE, "无警村")
                .grid(GRID, 119.20, 28.50, 119.22, 28.52)
                .grid(OTHER_VILLAGE + "001", 119.22, 28.50, 119.24, 28.52);
        gridOfficer = fixture.officer("叶网格", "AUXILIARY", "station-331123-01", "13600001111", "officer-ye");
        otherOfficer = fixture.officer("毛民警", "POLICE", "station-331123-02", "13600002222", "police-mao");
        fixture.gridOfficer(GRID, gridOfficer);
        locator.rebuild();
    }

    static String officerYe() {
        return TestTokens.user("officer-ye").roles("GRID_OFFICER").county("331123").bearer();
    }

    static String policeMao() {
        return TestTokens.user("police-mao").roles("POLICE").county("331123").bearer();
    }

    static Map<String, Object> theft() {
        return new HashMap<>(Map.of("category", "THEFT", "description", "早上9点报警，电动车在菜场门口被盗",
                "lat", 28.51, "lng", 119.21, "reporter", Map.of("name", "张三丰", "phone", "13912345678")));
    }

    RestTestClient.ResponseSpec report(String token, Map<String, Object> body) {
        return http.post().uri("/api/grid/incidents").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    String reported(Map<String, Object> body) {
        String location = report(COMMANDER, body).expectStatus().isCreated().returnResult().getResponseHeaders()
                .getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    RestTestClient.ResponseSpec act(String token, String id, String action, Object body) {
        return http.post().uri("/api/grid/incidents/{id}/actions/{action}", id, action)
                .header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    @Test
    void theCommandRoomReportsATheftLocatedToItsGridWithTheReporterMasked() {
        report(COMMANDER, theft())
                .expectStatus().isCreated()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/grid/incidents/.+")
                .expectBody()
                .jsonPath("$.number").value(n -> assertThat((String) n).matches("JQ331123\\d{8}\\d{5}"))
                .jsonPath("$.category").isEqualTo("THEFT")
                .jsonPath("$.criminal").isEqualTo(true)
                .jsonPath("$.status").isEqualTo("REPORTED")
                .jsonPath("$.location.gridCode").isEqualTo(GRID)
                .jsonPath("$.location.villageCode").isEqualTo(VILLAGE)
                .jsonPath("$.location.countyCode").isEqualTo("331123")
                .jsonPath("$.reporter.channel").isEqualTo("COMMAND_ROOM")
                .jsonPath("$.reporter.name").isEqualTo("张**")
                .jsonPath("$.reporter.phone").isEqualTo("139****5678")
                .jsonPath("$.guidance.title").isEqualTo("盗窃警情处置指引")
                .jsonPath("$.allowedActions[0]").isEqualTo("dispatch")
                .jsonPath("$.timeline.reportedAt").isNotEmpty();
        assertThat(mongo.getCollection("incidents").find().first().toJson()).doesNotContain("13912345678", "张三丰");
    }

    @Test
    void anIncidentGoesFromDispatchToTheGridOfficerToCloseWithDurations() {
        String id = reported(theft());

        act(COMMANDER, id, "dispatch", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DISPATCHED")
                .jsonPath("$.officer.id").isEqualTo(gridOfficer)
                .jsonPath("$.durations.dispatchSeconds").isNotEmpty();
        http.get().uri("/api/grid/incidents/mine").header(HttpHeaders.AUTHORIZATION, officerYe()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].id").isEqualTo(id)
                .jsonPath("$[0].allowedActions[0]").isEqualTo("acknowledge");
        act(officerYe(), id, "acknowledge", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ACKNOWLEDGED");
        act(officerYe(), id, "arrive", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ON_SCENE")
                .jsonPath("$.durations.arrivalSeconds").isNotEmpty()
                .jsonPath("$.guidance.steps.length()").isEqualTo(4);
        act(officerYe(), id, "close", Map.of("outcome", "SOLVED", "note", "经网格排查三小时破案")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.outcome").isEqualTo("SOLVED")
                .jsonPath("$.solvedBy").isEqualTo("STATION")
                .jsonPath("$.timeline.closedAt").isNotEmpty()
                .jsonPath("$.durations.closeSeconds").isNotEmpty()
                .jsonPath("$.history.length()").isEqualTo(5)
                .jsonPath("$.handoff").doesNotExist();
        assertThat(registry.get("fengqiao.incidents.opened").tag("county", "331123").tag("category", "THEFT")
                .counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(registry.get("fengqiao.incidents.closed").tag("county", "331123").tag("outcome", "SOLVED")
                .counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(registry.get("fengqiao.incidents.dispatch").tag("county", "331123").timer().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(registry.get("fengqiao.incidents.arrival").tag("county", "331123").timer().count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void theCommanderMayPickAnyOfficerAndAVillageWithoutOneNeedsTheirPick() {
        Map<String, Object> atVillage = new HashMap<>(Map.of("category", "PUBLIC_ORDER", "description", "村口聚集",
                "villageCode", OTHER_VILLAGE));
        String id = reported(atVillage);

        act(COMMANDER, id, "dispatch", Map.of()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("NO_OFFICER_FOR_LOCATION");
        act(COMMANDER, id, "dispatch", Map.of("officerId", otherOfficer)).expectStatus().isOk()
                .expectBody().jsonPath("$.officer.id").isEqualTo(otherOfficer)
                .jsonPath("$.location.gridCode").doesNotExist();
        act(COMMANDER, id, "dispatch", Map.of("officerId", "no-such-officer")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("OFFICER_NOT_FOUND");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anActionTheStateDoesNotAllowIsAConflictWithTheAllowedActions() {
        String id = reported(theft());
        act(COMMANDER, id, "dispatch", Map.of()).expectStatus().isOk();

        act(officerYe(), id, "arrive", Map.of()).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INCIDENT_ACTION_NOT_ALLOWED")
                .jsonPath("$.state").isEqualTo("DISPATCHED")
                .jsonPath("$.allowedActions[0]").isEqualTo("acknowledge");
        act(COMMANDER, id, "reopen", Map.of("reason", "x")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.allowedActions").value(a -> assertThat((List<Object>) a).containsExactly("dispatch", "close"));
    }

    @Test
    void wrongRolesAndOfficersAreForbidden() {
        String id = reported(theft());
        act(officerYe(), id, "dispatch", Map.of()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        act(COMMANDER, id, "dispatch", Map.of()).expectStatus().isOk();
        act(policeMao(), id, "acknowledge", Map.of()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_ASSIGNED_TO_CALLER");
    }

    @Test
    void badPlacesAndCategoriesAreProblemsNot500() {
        Map<String, Object> outside = theft();
        outside.put("lat", 39.9);
        outside.put("lng", 116.4);
        report(COMMANDER, outside).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_JURISDICTION");
        Map<String, Object> nowhere = theft();
        nowhere.remove("lat");
        nowhere.remove("lng");
        report(COMMANDER, nowhere).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INCIDENT_LOCATION_REQUIRED");
        Map<String, Object> half = theft();
        half.remove("lng");
        report(COMMANDER, half).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_COORDINATES");
        Map<String, Object> unknown = theft();
        unknown.put("category", "ARSON");
        report(COMMANDER, unknown).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_ENUM_VALUE");
        Map<String, Object> badVillage = theft();
        badVillage.remove("lat");
        badVillage.remove("lng");
        badVillage.put("villageCode", "331123101299");
        report(COMMANDER, badVillage).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("VILLAGE_NOT_FOUND");
    }

    @Test
    void aCitizenReportsSeesOnlyTheirOwnReportAndCannotSetTheCriminalFlag() {
        String citizen = TestTokens.bearer("citizen-1", "CITIZEN");
        Map<String, Object> body = new HashMap<>(Map.of("category", "PUBLIC_ORDER", "description", "深夜噪音扰民",
                "lat", 28.505, "lng", 119.205, "criminal", true));
        String location = report(citizen, body).expectStatus().isCreated()
                .expectBody().jsonPath("$.criminal").isEqualTo(false)
                .jsonPath("$.reporter.channel").isEqualTo("CITIZEN")
                .jsonPath("$.history").doesNotExist()
                .returnResult().getResponseHeaders().getLocation().toString();

        http.get().uri(location).header(HttpHeaders.AUTHORIZATION, citizen).exchange().expectStatus().isOk();
        http.get().uri(location).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-2", "CITIZEN")).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("INCIDENT_NOT_FOUND");
        http.get().uri(location)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("p").roles("POLICE").county("331102").bearer())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void aGridOfficerReportsOnlyInTheirCounty() {
        report(TestTokens.user("officer-ld").roles("GRID_OFFICER").county("331102").bearer(), theft())
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_CALLER_AREA");
        report(officerYe(), theft()).expectStatus().isCreated()
                .expectBody().jsonPath("$.reporter.channel").isEqualTo("GRID_OFFICER");
    }

    @Test
    void theAdminsGuidanceIsWhatTheOfficerOnSceneSees() {
        http.put().uri("/api/grid/enforcement-guides/THEFT").header(HttpHeaders.AUTHORIZATION, policeMao())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "t", "steps", List.of("s")))
                .exchange().expectStatus().isForbidden();
        http.put().uri("/api/grid/enforcement-guides/THEFT")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("admin-1", "ADMIN"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "盗窃警情处置指引（2026版）", "steps", List.of("保护现场", "调取监控", "走访排查"),
                        "legalBasis", List.of("《刑法》第二百六十四条")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.builtIn").isEqualTo(false);
        http.put().uri("/api/grid/enforcement-guides/THEFT")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("admin-1", "ADMIN"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "", "steps", List.of()))
                .exchange().expectStatus().isBadRequest();
        String id = reported(theft());

        http.get().uri("/api/grid/incidents/{id}", id).header(HttpHeaders.AUTHORIZATION, COMMANDER).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.guidance.title").isEqualTo("盗窃警情处置指引（2026版）")
                .jsonPath("$.guidance.steps.length()").isEqualTo(3)
                .jsonPath("$.guidance.legalBasis[0]").isEqualTo("《刑法》第二百六十四条");
    }

    @Test
    void aClosedIncidentIsReopenedWithAReason() {
        String id = reported(theft());
        act(COMMANDER, id, "close", Map.of("outcome", "CLEARED")).expectStatus().isOk();
        act(COMMANDER, id, "reopen", Map.of()).expectStatus().isBadRequest();
        act(COMMANDER, id, "reopen", Map.of("reason", "报警人称物品仍未找回")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REPORTED")
                .jsonPath("$.outcome").doesNotExist()
                .jsonPath("$.history[2].action").isEqualTo("reopen")
                .jsonPath("$.history[2].note").isEqualTo("报警人称物品仍未找回");
    }

    @Test
    void theftCannotBeTransferredToMediation() {
        String id = reported(theft());
        act(COMMANDER, id, "close", Map.of("outcome", "TRANSFERRED")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("TRANSFER_NEEDS_DISPUTE");
    }

    @Test
    void staffListIncidentsOfTheirCounty() {
        reported(theft());
        http.get().uri("/api/grid/incidents?county=331123&category=THEFT").header(HttpHeaders.AUTHORIZATION, policeMao())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(1);
        http.get().uri("/api/grid/incidents?county=331102").header(HttpHeaders.AUTHORIZATION, policeMao())
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void theSameIdempotencyKeyReportsOnce() {
        String first = http.post().uri("/api/grid/incidents").header(HttpHeaders.AUTHORIZATION, COMMANDER)
                .header("Idempotency-Key", "intake-42").contentType(MediaType.APPLICATION_JSON).body(theft())
                .exchange().expectStatus().isCreated().returnResult().getResponseHeaders().getLocation().toString();
        String second = http.post().uri("/api/grid/incidents").header(HttpHeaders.AUTHORIZATION, COMMANDER)
                .header("Idempotency-Key", "intake-42").contentType(MediaType.APPLICATION_JSON).body(theft())
                .exchange().expectStatus().isCreated().returnResult().getResponseHeaders().getLocation().toString();

        assertThat(second).isEqualTo(first);
        assertThat(mongo.getCollection("incidents").countDocuments()).isEqualTo(1);
    }
}
