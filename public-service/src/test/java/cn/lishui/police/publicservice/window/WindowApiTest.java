package cn.lishui.police.publicservice.window;

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

/** Service windows (1+X); each test opens windows with codes and stations of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class WindowApiTest {

    private static final String WINDOWS = "/api/public/windows";
    private static final String ALL_MEASURES = "[\"CASHLESS_PAYMENT\",\"COUNTDOWN_PROCESSING\",\"FACE_SCAN\","
            + "\"APPOINTMENT\",\"EXTENDED_HOURS\",\"DOORSTEP_SERVICE\",\"MAIL_DELIVERY\",\"SELF_SERVICE\","
            + "\"E_CERTIFICATE\",\"ONE_WINDOW\",\"GREEN_CHANNEL\"]";
    private static final String ALL_WAITING = "[\"DRINKING_WATER\",\"READING_GLASSES\",\"FIRST_AID_KIT\","
            + "\"UMBRELLAS\",\"PHONE_CHARGING\",\"WRITING_DESK\",\"STATIONERY\",\"SAMPLE_FORMS\",\"WHEELCHAIR\","
            + "\"NURSING_ROOM\",\"SEATING\",\"WIFI\",\"QUEUE_DISPLAY\",\"SERVICE_GUIDE_BOARD\",\"SUGGESTION_BOX\","
            + "\"RATING_DEVICE\"]";
    private static final String ALL_PHOTO = "[\"CAMERA\",\"BACKDROP\",\"LIGHTING\",\"MIRROR\",\"COMB\","
            + "\"FINGERPRINT_READER\"]";
    private static final String FORM =
            "{\"applicantName\":\"张三\",\"phone\":\"13800000000\",\"deliveryMethod\":\"E_CERTIFICATE\"}";

    @Autowired
    RestTestClient http;

    @Test
    void anAdminOpensAFullyEquippedWindowWhichGetsFiveStarsAndAnAssessmentRecord() {
        String code = code();
        http.post().uri(WINDOWS).header(HttpHeaders.AUTHORIZATION, admin()).contentType(MediaType.APPLICATION_JSON)
                .body(open(code, "station-" + UUID.randomUUID(), ALL_MEASURES, ALL_WAITING, ALL_PHOTO,
                        "[\"LSGA-CRJ-0001\"]")).exchange()
                .expectStatus().isCreated()
                .expectHeader().exists(HttpHeaders.LOCATION)
                .expectBody()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.starLevel").isEqualTo(5)
                .jsonPath("$.measures.length()").isEqualTo(11)
                .jsonPath("$.itemCodes").isEqualTo(List.of("LSGA-CRJ-0001"))
                .jsonPath("$.assessments.length()").isEqualTo(1)
                .jsonPath("$.assessments[0].reason").isEqualTo("OPENED")
                .jsonPath("$.assessments[0].starLevel").isEqualTo(5);
    }

    @Test
    void windowsAreListedAnonymouslyByStation() {
        String station = "station-" + UUID.randomUUID();
        String first = code();
        String second = code();
        openWindow(first, station, "[]");
        openWindow(second, station, "[\"CASHLESS_PAYMENT\"]");
        openWindow(code(), "station-" + UUID.randomUUID(), "[]");
        http.get().uri(WINDOWS + "?stationId={s}", station).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].code").value(List.class,
                        codes -> assertThat(codes).containsExactlyInAnyOrder(first, second))
                .jsonPath("$.page.totalElements").isEqualTo(2);
        http.get().uri(WINDOWS + "/{code}", first).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.starLevel").isEqualTo(1);
    }

    @Test
    void onlyAdminsOpenWindows() {
        http.post().uri(WINDOWS).header(HttpHeaders.AUTHORIZATION,
                        TestTokens.user(UUID.randomUUID().toString()).roles("WINDOW_CLERK").station("w").bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(open(code(), "s", "[]", "[]", "[]", "[]")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        http.post().uri(WINDOWS).contentType(MediaType.APPLICATION_JSON)
                .body(open(code(), "s", "[]", "[]", "[]", "[]")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aSecondWindowWithTheSameCodeIsAConflict() {
        String code = code();
        openWindow(code, "s", "[]");
        http.post().uri(WINDOWS).header(HttpHeaders.AUTHORIZATION, admin()).contentType(MediaType.APPLICATION_JSON)
                .body(open(code, "s", "[]", "[]", "[]", "[]")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("WINDOW_EXISTS")
                .jsonPath("$.title").isEqualTo("窗口已存在");
    }

    @Test
    void anUnknownItemOrMeasureIsRefused() {
        http.post().uri(WINDOWS).header(HttpHeaders.AUTHORIZATION, admin()).contentType(MediaType.APPLICATION_JSON)
                .body(open(code(), "s", "[]", "[]", "[]", "[\"NO-SUCH-ITEM\"]")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("WINDOW_ITEM_UNKNOWN");
        http.post().uri(WINDOWS).header(HttpHeaders.AUTHORIZATION, admin()).contentType(MediaType.APPLICATION_JSON)
                .body(open(code(), "s", "[\"FREE_COFFEE\"]", "[]", "[]", "[]")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_ENUM_VALUE");
    }

    @Test
    void anUnknownWindowIsNotFoundInEnglishWhenAsked() {
        http.get().uri(WINDOWS + "/{code}", "no-such-window").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.code").isEqualTo("WINDOW_NOT_FOUND")
                .jsonPath("$.detail").isEqualTo("There is no window with code no-such-window.");
    }

    @Test
    void anAssessmentOnRequestIsAddedToTheHistory() {
        String code = code();
        openWindow(code, "s", "[]");
        http.post().uri(WINDOWS + "/{code}/actions/assess", code).header(HttpHeaders.AUTHORIZATION, admin())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.assessments[*].reason").isEqualTo(List.of("OPENED", "ASSESSED"));
    }

    @Test
    void aRatingCountsForTheWindowThatAcceptedTheApplicationAndItsStation() {
        String code = code();
        String station = "station-" + UUID.randomUUID();
        openWindow(code, station, "[]");
        String citizen = TestTokens.bearer("citizen-" + UUID.randomUUID(), "CITIZEN");
        String clerk = TestTokens.user("clerk-" + UUID.randomUUID()).roles("WINDOW_CLERK").station(code).bearer();
        String application = http.post().uri("/api/public/applications").header(HttpHeaders.AUTHORIZATION, citizen)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"itemCode\":\"LSGA-CRJ-0001\",\"channel\":\"WINDOW\",\"form\":" + FORM + "}").exchange()
                .expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody().path("id").asString();
        for (String action : List.of("accept", "start", "approve", "deliver")) {
            http.post().uri("/api/public/applications/{id}/actions/{action}", application, action)
                    .header(HttpHeaders.AUTHORIZATION, clerk).exchange()
                    .expectStatus().isOk();
        }
        http.post().uri("/api/public/applications/{id}/rating", application).header(HttpHeaders.AUTHORIZATION, citizen)
                .contentType(MediaType.APPLICATION_JSON).body("{\"stars\":5}").exchange()
                .expectStatus().isCreated();

        // facilities give 1 star, the 5-star rating the other half: round(0.5·1 + 0.5·5) = 3
        http.get().uri(WINDOWS + "/{code}", code).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.starLevel").isEqualTo(3)
                .jsonPath("$.assessments[*].reason").isEqualTo(List.of("OPENED", "RATED"))
                .jsonPath("$.assessments[1].averageRating").isEqualTo(5.0)
                .jsonPath("$.assessments[1].ratings").isEqualTo(1);
        http.get().uri("/api/public/stats/ratings/windows").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.code == '" + code + "')].ratings").isEqualTo(List.of(1))
                .jsonPath("$[?(@.code == '" + code + "')].averageRating").isEqualTo(List.of(5.0))
                .jsonPath("$[?(@.code == '" + code + "')].satisfactionRate").isEqualTo(List.of(1.0));
        http.get().uri("/api/public/stats/ratings/stations").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.code == '" + station + "')].ratings").isEqualTo(List.of(1));
    }

    private void openWindow(String code, String station, String measures) {
        http.post().uri(WINDOWS).header(HttpHeaders.AUTHORIZATION, admin()).contentType(MediaType.APPLICATION_JSON)
                .body(open(code, station, measures, "[]", "[]", "[]")).exchange()
                .expectStatus().isCreated();
    }

    private static String open(String code, String station, String measures, String waiting, String photo,
                               String items) {
        return "{\"code\":\"" + code + "\",\"stationId\":\"" + station + "\",\"name\":\"出入境窗口\",\"measures\":"
                + measures + ",\"waitingAreaItems\":" + waiting + ",\"photoRoomItems\":" + photo
                + ",\"itemCodes\":" + items + "}";
    }

    private static String admin() {
        return TestTokens.bearer("admin-" + UUID.randomUUID(), "ADMIN");
    }

    private static String code() {
        return "window-" + UUID.randomUUID();
    }
}
