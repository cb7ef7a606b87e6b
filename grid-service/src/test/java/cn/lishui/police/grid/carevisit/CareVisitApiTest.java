package cn.lishui.police.grid.carevisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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

/** Contract 3: family-care visits requested by overseas-service, carried out by the village's officer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class CareVisitApiTest {

    static final String VILLAGE = "331121102201";
    static final String UNCOVERED_VILLAGE = "331121102202";
    static final String CHIEF_ONLY_VILLAGE = "331121102203";
    static final String SERVICE = TestTokens.bearer("overseas-service", "SERVICE");

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    String gridOfficer;
    String chief;

    @BeforeEach
    void villagesWithAGridOfficerWithOnlyAChiefAndWithNobody() {
        GridFixture fixture = new GridFixture(http, mongo).clear("care_visits")
                .village(VILLAGE, "关爱村").village(UNCOVERED_VILLAGE, "无人村").village(CHIEF_ONLY_VILLAGE, "警长村")
                .grid(VILLAGE + "001", 120.10, 28.10, 120.11, 28.11)
                .grid(VILLAGE + "002", 120.11, 28.10, 120.12, 28.11)
                .grid(UNCOVERED_VILLAGE + "001", 120.12, 28.10, 120.13, 28.11)
                .grid(CHIEF_ONLY_VILLAGE + "001", 120.13, 28.10, 120.14, 28.11);
        gridOfficer = fixture.officer("季网格", "AUXILIARY", "station-331121-02", "13700001234", "officer-ji");
        chief = fixture.officer("潘警长", "POLICE", "station-331121-02", "13700005678", "police-pan");
        fixture.gridOfficer(VILLAGE + "002", gridOfficer).chief(CHIEF_ONLY_VILLAGE, chief);
    }

    static Map<String, Object> request(String village, String ref) {
        return new HashMap<>(Map.of("villageCode", village, "requestRef", ref, "familyMembers", "母亲，82岁，独居",
                "note", "儿子在意大利普拉托", "requestedBy", "普拉托警侨驿站"));
    }

    RestTestClient.ResponseSpec post(String token, Map<String, Object> body) {
        return http.post().uri("/api/grid/care-visits").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    RestTestClient.ResponseSpec act(String token, String id, String action, Map<String, Object> body) {
        return http.post().uri("/api/grid/care-visits/{id}/actions/{action}", id, action)
                .header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    String created(Map<String, Object> body) {
        String location = post(SERVICE, body).expectStatus().isCreated().returnResult().getResponseHeaders()
                .getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static String officerJi() {
        return TestTokens.user("officer-ji").roles("GRID_OFFICER").county("331121").bearer();
    }

    @Test
    void aVisitGoesToTheGridOfficerOfTheVillagesFirstCoveredGrid() {
        post(SERVICE, request(VILLAGE, "care-1"))
                .expectStatus().isCreated()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/grid/care-visits/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.villageCode").isEqualTo(VILLAGE)
                .jsonPath("$.gridCode").isEqualTo(VILLAGE + "002")
                .jsonPath("$.officerId").isEqualTo(gridOfficer)
                .jsonPath("$.officerName").isEqualTo("季网格")
                .jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.requestRef").isEqualTo("care-1")
                .jsonPath("$.createdAt").isNotEmpty()
                .jsonPath("$.visitedAt").doesNotExist()
                .jsonPath("$.result").doesNotExist();
    }

    @Test
    void theSameRequestRefAgainAnswersTheSameVisitWith200() {
        String id = created(request(VILLAGE, "care-2"));

        post(SERVICE, request(VILLAGE, "care-2")).expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id);
        assertThat(mongo.getCollection("care_visits").countDocuments()).isEqualTo(1);
    }

    @Test
    void aVillageWithOnlyAChiefGetsTheChief() {
        post(SERVICE, request(CHIEF_ONLY_VILLAGE, "care-3")).expectStatus().isCreated()
                .expectBody().jsonPath("$.officerId").isEqualTo(chief)
                .jsonPath("$.gridCode").isEqualTo(CHIEF_ONLY_VILLAGE + "001");
    }

    @Test
    void anUnknownVillageIsNotFoundAndAnUncoveredOneIsAConflict() {
        post(SERVICE, request("331121102299", "care-4")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("VILLAGE_NOT_FOUND");
        post(SERVICE, request(UNCOVERED_VILLAGE, "care-5")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("VILLAGE_NOT_COVERED");
        assertThat(mongo.getCollection("care_visits").countDocuments()).isZero();
    }

    @Test
    void badFieldsAreValidationProblems() {
        Map<String, Object> body = request("3311211022", "care-6");
        body.put("familyMembers", "长".repeat(501));
        post(SERVICE, body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()").isEqualTo(2);
        Map<String, Object> noRef = request(VILLAGE, "x");
        noRef.remove("requestRef");
        post(SERVICE, noRef).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("requestRef");
    }

    @Test
    void citizensAndGridOfficersCannotRequestVisits() {
        post(TestTokens.bearer("citizen-1", "CITIZEN"), request(VILLAGE, "care-7")).expectStatus().isForbidden();
        post(officerJi(), request(VILLAGE, "care-7")).expectStatus().isForbidden();
    }

    @Test
    void theAssignedOfficerAcceptsAndVisitsWithAResult() {
        String id = created(request(VILLAGE, "care-8"));

        http.get().uri("/api/grid/care-visits/mine").header(HttpHeaders.AUTHORIZATION, officerJi()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].id").isEqualTo(id);
        act(officerJi(), id, "accept", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");
        act(officerJi(), id, "visit", Map.of("result", "老人身体健康，已留联系电话")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("VISITED")
                .jsonPath("$.visitedAt").isNotEmpty()
                .jsonPath("$.result").isEqualTo("老人身体健康，已留联系电话");
        http.get().uri("/api/grid/care-visits/{id}", id).header(HttpHeaders.AUTHORIZATION, SERVICE).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("VISITED")
                .jsonPath("$.allowedActions.length()").isEqualTo(0);
    }

    @Test
    void aVisitedVisitCannotBeCancelledAndTheProblemNamesTheAllowedActions() {
        String id = created(request(VILLAGE, "care-9"));
        act(officerJi(), id, "visit", Map.of("result", "已走访")).expectStatus().isOk();

        act(SERVICE, id, "cancel", Map.of()).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CARE_VISIT_ACTION_NOT_ALLOWED")
                .jsonPath("$.state").isEqualTo("VISITED")
                .jsonPath("$.allowedActions.length()").isEqualTo(0);
        String other = created(request(VILLAGE, "care-10"));
        act(officerJi(), other, "accept", Map.of()).expectStatus().isOk();
        act(officerJi(), other, "accept", Map.of()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.allowedActions[0]").isEqualTo("visit")
                .jsonPath("$.allowedActions[1]").isEqualTo("cancel");
    }

    @Test
    void aVisitNeedsAResult() {
        String id = created(request(VILLAGE, "care-11"));
        act(officerJi(), id, "visit", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anotherOfficerCannotActOnTheVisit() {
        String id = created(request(VILLAGE, "care-12"));
        act(TestTokens.user("police-pan").roles("POLICE").county("331121").bearer(), id, "accept", Map.of())
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_ASSIGNED_TO_CALLER");
    }

    @Test
    void theRequestingCompatriotSeesAndCancelsTheirVisitOthersDoNotSeeIt() {
        String compatriot = TestTokens.bearer("compatriot-7", "COMPATRIOT");
        String location = post(compatriot, request(VILLAGE, "care-13")).expectStatus().isCreated().returnResult()
                .getResponseHeaders().getLocation().toString();
        String id = location.substring(location.lastIndexOf('/') + 1);

        http.get().uri("/api/grid/care-visits/{id}", id).header(HttpHeaders.AUTHORIZATION, compatriot).exchange()
                .expectStatus().isOk();
        http.get().uri("/api/grid/care-visits/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("compatriot-8", "COMPATRIOT")).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("CARE_VISIT_NOT_FOUND");
        http.get().uri("/api/grid/care-visits/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("police-ld").roles("POLICE").county("331102").bearer())
                .exchange().expectStatus().isNotFound();
        act(compatriot, id, "cancel", Map.of("reason", "家人已回国")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        String first = http.post().uri("/api/grid/care-visits").header(HttpHeaders.AUTHORIZATION, SERVICE)
                .header("Idempotency-Key", "care-visit-care-14").contentType(MediaType.APPLICATION_JSON)
                .body(request(VILLAGE, "care-14")).exchange().expectStatus().isCreated().returnResult()
                .getResponseHeaders().getLocation().toString();
        String second = http.post().uri("/api/grid/care-visits").header(HttpHeaders.AUTHORIZATION, SERVICE)
                .header("Idempotency-Key", "care-visit-care-14").contentType(MediaType.APPLICATION_JSON)
                .body(request(VILLAGE, "care-14")).exchange().expectStatus().isCreated().returnResult()
                .getResponseHeaders().getLocation().toString();
        assertThat(second).isEqualTo(first);
    }
}
