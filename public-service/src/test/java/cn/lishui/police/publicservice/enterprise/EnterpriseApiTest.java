package cn.lishui.police.publicservice.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Enterprises and their security liaison (安防CEO); each test uses stations and credit codes of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class EnterpriseApiTest {

    private static final String ENTERPRISES = "/api/public/enterprises";

    @Autowired
    RestTestClient http;

    @Test
    void aLiaisonRecordsAVisitWithIssuesAndResolvesThemOneByOne() {
        String station = station();
        String officerId = "officer-" + UUID.randomUUID();
        String officer = police(officerId, station);
        JsonNode enterprise = register(officer, creditCode(), null);
        assertThat(enterprise.path("stationId").asString()).isEqualTo(station);
        String id = enterprise.path("id").asString();

        http.post().uri(ENTERPRISES + "/{id}/actions/assign-liaison", id).header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"officerId\":\"" + officerId + "\",\"officerName\":\"李警官\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.liaisonOfficerId").isEqualTo(officerId);

        JsonNode visit = http.post().uri(ENTERPRISES + "/{id}/visits", id).header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"summary\":\"上门走访，检查消防与监控\",\"issues\":[\"厂区监控有盲区\",\"员工暂住登记不全\"]}")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().exists(HttpHeaders.LOCATION)
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(visit.path("openIssues").asLong()).isEqualTo(2);
        String visitId = visit.path("id").asString();

        String resolve = ENTERPRISES + "/{id}/visits/{visit}/issues/{n}/actions/resolve";
        http.post().uri(resolve, id, visitId, 1).header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON).body("{\"resolution\":\"已加装两个摄像头\"}").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openIssues").isEqualTo(1)
                .jsonPath("$.issues[0].resolved").isEqualTo(true)
                .jsonPath("$.issues[0].resolvedBy").isEqualTo(officerId);
        http.post().uri(resolve, id, visitId, 1).header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON).body("{\"resolution\":\"again\"}").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("ISSUE_ALREADY_RESOLVED");
        http.post().uri(resolve, id, visitId, 3).header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON).body("{\"resolution\":\"x\"}").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("ISSUE_NOT_FOUND");

        http.get().uri(ENTERPRISES + "/{id}/visits", id).header(HttpHeaders.AUTHORIZATION, officer).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].id").isEqualTo(List.of(visitId));
    }

    @Test
    void visitsNeedALiaisonAndOnlyTheLiaisonRecordsThem() {
        String station = station();
        String officer = police("officer-" + UUID.randomUUID(), station);
        String id = register(officer, creditCode(), null).path("id").asString();
        String visit = "{\"summary\":\"走访\"}";
        http.post().uri(ENTERPRISES + "/{id}/visits", id).header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON).body(visit).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("NO_LIAISON")
                .jsonPath("$.title").isEqualTo("企业尚未配备安防CEO");
        http.post().uri(ENTERPRISES + "/{id}/actions/assign-liaison", id).header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON).body("{\"officerId\":\"someone-else\"}").exchange()
                .expectStatus().isOk();
        http.post().uri(ENTERPRISES + "/{id}/visits", id).header(HttpHeaders.AUTHORIZATION, officer)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_JSON).body(visit).exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.code").isEqualTo("NOT_THE_LIAISON")
                .jsonPath("$.detail").isEqualTo("You are not the security liaison of enterprise " + id + ".");
    }

    @Test
    void officersOfAnotherStationNeitherSeeNorRegisterTheEnterprisesOfThisOne() {
        String station = station();
        String id = register(police("o-" + UUID.randomUUID(), station), creditCode(), null).path("id").asString();
        String stranger = police("o-" + UUID.randomUUID(), station());
        http.get().uri(ENTERPRISES + "/{id}", id).header(HttpHeaders.AUTHORIZATION, stranger).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("ENTERPRISE_NOT_FOUND");
        http.get().uri(ENTERPRISES).header(HttpHeaders.AUTHORIZATION, stranger).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(0);
        http.post().uri(ENTERPRISES).header(HttpHeaders.AUTHORIZATION, stranger)
                .contentType(MediaType.APPLICATION_JSON).body(body(creditCode(), station)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("ENTERPRISE_OTHER_STATION");
        http.get().uri(ENTERPRISES + "?stationId={s}", station)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("c-" + UUID.randomUUID(), "COMMANDER")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].id").isEqualTo(List.of(id));
    }

    @Test
    void aCreditCodeIsRegisteredOnceAndMustBeWellFormed() {
        String officer = police("o-" + UUID.randomUUID(), station());
        String code = creditCode();
        register(officer, code, null);
        http.post().uri(ENTERPRISES).header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON).body(body(code, null)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("ENTERPRISE_EXISTS");
        http.post().uri(ENTERPRISES).header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON).body(body("not-a-code", null)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("creditCode");
    }

    @Test
    void citizensHaveNoAccessToEnterprises() {
        http.get().uri(ENTERPRISES).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("c-" + UUID.randomUUID(),
                        "CITIZEN")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    private JsonNode register(String officer, String creditCode, String station) {
        return http.post().uri(ENTERPRISES).header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON).body(body(creditCode, station)).exchange()
                .expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody();
    }

    private static String body(String creditCode, String station) {
        return "{\"creditCode\":\"" + creditCode + "\",\"name\":\"丽水碧湖机械有限公司\""
                + (station == null ? "" : ",\"stationId\":\"" + station + "\"") + "}";
    }

    private static String police(String id, String station) {
        return TestTokens.user(id).roles("POLICE").county("331102").station(station).bearer();
    }

    private static String station() {
        return "station-" + UUID.randomUUID();
    }

    private static String creditCode() {
        return "91331102" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }
}
