package cn.lishui.police.publicservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

/**
 * Applications against items of the catalogue data file: LSGA-CRJ-0001 (出入境记录查询证明, global, instant),
 * LSGA-JG-0001 (驾驶证期满换证, not global), LSGA-CRJ-0012 (港澳团队旅游签注, one visit, no mail channel).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class ApplicationApiTest {

    private static final String APPLICATIONS = "/api/public/applications";
    private static final String RECORD_FORM =
            "{\"applicantName\":\"张三\",\"phone\":\"13800000000\",\"deliveryMethod\":\"E_CERTIFICATE\"}";

    @Autowired
    RestTestClient http;

    @Test
    void aCitizenAppliesAndGetsTheApplicationWithItsDueTimeAndRemainingTime() {
        String citizen = citizen();
        JsonNode created = http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, citizen)
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0001", "ONLINE", RECORD_FORM)).exchange()
                .expectStatus().isCreated()
                .expectHeader().exists(HttpHeaders.LOCATION)
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(created.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(created.path("itemCode").asString()).isEqualTo("LSGA-CRJ-0001");
        assertThat(created.path("dueAt").asString()).isNotBlank();
        assertThat(created.path("remainingSeconds").asLong()).isPositive();
        assertThat(created.path("overdue").asBoolean()).isFalse();

        http.get().uri(APPLICATIONS + "/{id}", created.path("id").asString())
                .header(HttpHeaders.AUTHORIZATION, citizen).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.form.applicantName").isEqualTo("张三");
    }

    @Test
    void aCompatriotAppliesForAGlobalItemThroughAnOverseasStation() {
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(id(), "COMPATRIOT"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0001", "OVERSEAS_STATION", RECORD_FORM)).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.channel").isEqualTo("OVERSEAS_STATION");
    }

    @Test
    void applyingForANonGlobalItemThroughAnOverseasStationIsItemNotGlobal() {
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(id(), "COMPATRIOT"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-JG-0001", "OVERSEAS_STATION", "{\"applicantName\":\"李四\",\"phone\":\"1\"}"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("ITEM_NOT_GLOBAL")
                .jsonPath("$.title").isEqualTo("该事项不支持全球通办");
    }

    @Test
    void aChannelTheItemDoesNotOfferIsChannelNotOfferedInEnglishWhenAsked() {
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, citizen())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0012", "MAIL", RECORD_FORM)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CHANNEL_NOT_OFFERED")
                .jsonPath("$.detail").isEqualTo("Item LSGA-CRJ-0012 is not offered through the channel MAIL.");
    }

    @Test
    void anUnknownItemIsNotFound() {
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, citizen())
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("NO-SUCH-ITEM", "ONLINE", "{}")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_ITEM_NOT_FOUND");
    }

    @Test
    void aFormThatDoesNotFitTheItemIsRefusedNamingEveryBadField() {
        String form = "{\"phone\":42,\"travelDate\":\"next week\",\"deliveryMethod\":\"PIGEON\",\"shoeSize\":44}";
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, citizen())
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0001", "ONLINE", form)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.code").isEqualTo("FORM_INVALID")
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields)
                        .containsExactlyInAnyOrder("form.applicantName", "form.phone", "form.travelDate",
                                "form.deliveryMethod", "form.shoeSize"))
                .jsonPath("$.errors[?(@.field == 'form.deliveryMethod')].message")
                .isEqualTo(List.of("此项只能取以下值：PICKUP, MAIL, E_CERTIFICATE。"));
    }

    @Test
    void staffCannotApplyAndAnonymousCallersAreUnauthenticated() {
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, clerk())
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0001", "ONLINE", RECORD_FORM)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        http.post().uri(APPLICATIONS).contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0001", "ONLINE", RECORD_FORM)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void applicantsSeeOnlyTheirOwnApplicationsAndCommandersSeeAll() {
        String alice = citizen();
        String bob = citizen();
        String aliceApplication = submit(alice);
        String bobApplication = submit(bob);

        http.get().uri(APPLICATIONS + "?mine&size=200").header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].id").isEqualTo(List.of(aliceApplication));
        http.get().uri(APPLICATIONS + "?size=200").header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].id").isEqualTo(List.of(aliceApplication));
        http.get().uri(APPLICATIONS + "/{id}", bobApplication).header(HttpHeaders.AUTHORIZATION, alice).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("APPLICATION_NOT_FOUND");

        http.get().uri(APPLICATIONS + "?size=200").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(id(), "COMMANDER")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].id").value(List.class,
                        ids -> assertThat(ids).contains(aliceApplication, bobApplication));
        http.get().uri(APPLICATIONS + "/{id}", bobApplication)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(id(), "ADMIN")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aClerkTakesAnApplicationThroughTheWorkflowAndTheStationIsRecordedOnAcceptance() {
        String citizen = citizen();
        String application = submit(citizen);
        String clerk = clerk();

        http.post().uri(APPLICATIONS + "/{id}/actions/request-materials", application)
                .header(HttpHeaders.AUTHORIZATION, clerk).contentType(MediaType.APPLICATION_JSON)
                .body("{\"missingMaterials\":[\"户口簿\",\"近期证件照\"]}").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("NEEDS_MATERIALS")
                .jsonPath("$.missingMaterials").isEqualTo(List.of("户口簿", "近期证件照"));
        for (String[] step : new String[][] {{"accept", "ACCEPTED"}, {"start", "IN_PROGRESS"},
                {"approve", "APPROVED"}, {"deliver", "DELIVERED"}}) {
            http.post().uri(APPLICATIONS + "/{id}/actions/{action}", application, step[0])
                    .header(HttpHeaders.AUTHORIZATION, clerk).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo(step[1]);
        }
        http.get().uri(APPLICATIONS + "/{id}", application).header(HttpHeaders.AUTHORIZATION, citizen).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DELIVERED")
                .jsonPath("$.stationId").isEqualTo("window-331121-01")
                .jsonPath("$.remainingSeconds").doesNotExist()
                .jsonPath("$.finishedAt").isNotEmpty()
                .jsonPath("$.instantSeconds").value(Integer.class, seconds -> assertThat(seconds).isNotNegative());
    }

    @Test
    void aClerkOfAnotherStationCannotProcessAnApplicationAcceptedElsewhere() {
        String application = submit(citizen());
        http.post().uri(APPLICATIONS + "/{id}/actions/accept", application)
                .header(HttpHeaders.AUTHORIZATION, clerk()).exchange()
                .expectStatus().isOk();
        String otherClerk = TestTokens.user(id()).roles("WINDOW_CLERK").station("window-331102-01").bearer();
        http.post().uri(APPLICATIONS + "/{id}/actions/start", application)
                .header(HttpHeaders.AUTHORIZATION, otherClerk).exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.code").isEqualTo("OTHER_STATION")
                .jsonPath("$.detail").isEqualTo("办件 " + application + " 已由 window-331121-01 受理，只能由该站点的窗口继续办理。");
    }

    @Test
    void anIllegalActionIsAConflictAndAnUnknownOneIsNotFound() {
        String application = submit(citizen());
        http.post().uri(APPLICATIONS + "/{id}/actions/deliver", application)
                .header(HttpHeaders.AUTHORIZATION, clerk()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("ILLEGAL_TRANSITION")
                .jsonPath("$.detail").isEqualTo("办件处于 SUBMITTED 状态，不能执行 deliver 操作。");
        http.post().uri(APPLICATIONS + "/{id}/actions/teleport", application)
                .header(HttpHeaders.AUTHORIZATION, clerk()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_ACTION");
    }

    @Test
    void requestingMaterialsMustNameThemAndRejectingNeedsAReason() {
        String application = submit(citizen());
        http.post().uri(APPLICATIONS + "/{id}/actions/request-materials", application)
                .header(HttpHeaders.AUTHORIZATION, clerk()).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("MISSING_MATERIALS_REQUIRED");
        http.post().uri(APPLICATIONS + "/{id}/actions/reject", application)
                .header(HttpHeaders.AUTHORIZATION, clerk()).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("REASON_REQUIRED");
        http.post().uri(APPLICATIONS + "/{id}/actions/reject", application)
                .header(HttpHeaders.AUTHORIZATION, clerk()).contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\":\"不属于本机关职权范围\"}").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("NOT_ACCEPTED")
                .jsonPath("$.reason").isEqualTo("不属于本机关职权范围");
    }

    @Test
    void onlyWindowClerksTakeActions() {
        String citizen = citizen();
        String application = submit(citizen);
        http.post().uri(APPLICATIONS + "/{id}/actions/accept", application)
                .header(HttpHeaders.AUTHORIZATION, citizen).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    private String submit(String applicant) {
        return http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, applicant)
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0001", "MOBILE", RECORD_FORM)).exchange()
                .expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody().path("id").asString();
    }

    private static String apply(String itemCode, String channel, String form) {
        return "{\"itemCode\":\"" + itemCode + "\",\"channel\":\"" + channel + "\",\"form\":" + form + "}";
    }

    private static String citizen() {
        return TestTokens.bearer(id(), "CITIZEN");
    }

    private static String clerk() {
        return TestTokens.user(id()).roles("WINDOW_CLERK").county("331121").station("window-331121-01").bearer();
    }

    private static String id() {
        return "user-" + UUID.randomUUID();
    }
}
