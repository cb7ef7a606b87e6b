package cn.lishui.police.overseas.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.overseas.support.ApiTestSupport;
import cn.lishui.police.overseas.support.Providers;
import cn.lishui.police.overseas.support.StubProvider;
import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** 全球通办 through the portal: forwarded with a key, queued while public-service is down, delivered once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class PortalApplicationTest extends ApiTestSupport {

    static final String APPLICATIONS = "/api/overseas/portal/applications";
    static final Map<String, Object> FORM = Map.of("applicantName", "陈侨");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PortalApplicationQueue queue;

    @Test
    void aCompatriotsApplicationIsForwardedForThemWithAKeyAndTracked() {
        String subject = "c-" + unique();
        String station = openStation();
        String compatriotId = registerSelf(subject, station).path("id").asString();

        JsonNode created = post(APPLICATIONS, compatriot(subject), Map.of("itemCode", "LSGA-CRJ-0001", "form", FORM));

        String id = created.path("id").asString();
        assertThat(created.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(created.path("compatriotId").asString()).isEqualTo(compatriotId);
        assertThat(created.path("publicApplicationId").asString()).startsWith("app-");
        assertThat(created.path("status").asString()).isEqualTo("SUBMITTED");
        List<StubProvider.Call> sent = sentFor(id);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).body()).contains("\"onBehalfOf\":\"" + subject + "\"")
                .contains("\"channel\":\"OVERSEAS_STATION\"").contains("\"itemCode\":\"LSGA-CRJ-0001\"");
        // sent as overseas-service itself, never with the compatriot's own token
        assertThat(sent.get(0).header("Authorization")).isNotEqualTo(compatriot(subject));

        Providers.APPLICATION_STATUS.put(created.path("publicApplicationId").asString(), "ACCEPTED");
        JsonNode tracked = get(APPLICATIONS + "/" + id, compatriot(subject));
        assertThat(tracked.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(tracked.path("statusStale").asBoolean()).isFalse();

        Providers.PUBLIC.down(true);
        try {
            JsonNode stale = get(APPLICATIONS + "/" + id, compatriot(subject));
            assertThat(stale.path("status").asString()).isEqualTo("ACCEPTED");
            assertThat(stale.path("statusStale").asBoolean()).isTrue();
        } finally {
            Providers.PUBLIC.down(false);
        }
        http.get().uri(APPLICATIONS + "/" + id).header(HttpHeaders.AUTHORIZATION, compatriot("c-" + unique()))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("PORTAL_APPLICATION_NOT_FOUND");
        assertThat(get(APPLICATIONS, staffOf(station)).path("content").findValuesAsString("id")).contains(id);
    }

    @Test
    void whenPublicServiceIsDownTheApplicationIsQueuedAndDeliveredLaterExactlyOnce() {
        String subject = "c-" + unique();
        registerSelf(subject, openStation());
        JsonNode queued;
        Providers.PUBLIC.down(true);
        try {
            queued = post(APPLICATIONS, compatriot(subject), Map.of("itemCode", "LSGA-CRJ-0001", "form", FORM));
            assertThat(queued.path("state").asString()).isEqualTo("QUEUED");
            assertThat(queued.path("attempts").asInt()).isEqualTo(1);
            assertThat(queued.path("lastError").asString()).isEqualTo("HTTP 503");
            assertThat(queue.redeliver(queued.path("id").asString())).isEqualTo(Delivery.Outcome.RETRY);
        } finally {
            Providers.PUBLIC.down(false);
        }
        String id = queued.path("id").asString();
        assertThat(queue.backlog()).isPositive();
        assertThat(queue.due(Instant.now().plus(Duration.ofMinutes(10)), 1000)).contains(id);

        assertThat(queue.redeliver(id)).isEqualTo(Delivery.Outcome.DELIVERED);
        assertThat(queue.redeliver(id)).isEqualTo(Delivery.Outcome.SKIPPED);

        JsonNode delivered = get(APPLICATIONS + "/" + id, compatriot(subject));
        assertThat(delivered.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
        // every attempt carried the same key and the same bytes, so public-service keeps one application
        List<StubProvider.Call> sent = sentFor(id);
        assertThat(sent.size()).isGreaterThanOrEqualTo(3);
        assertThat(sent).extracting(StubProvider.Call::body).containsOnly(sent.get(0).body());
        assertThat(Providers.APPLICATIONS_BY_KEY).containsKey(PortalApplications.keyOf(id));
        assertThat(queue.due(Instant.now().plus(Duration.ofMinutes(10)), 1000)).doesNotContain(id);
    }

    @Test
    void anAnswerLostOnTheWayBackStillLeavesOneApplication() {
        String subject = "c-" + unique();
        registerSelf(subject, openStation());
        JsonNode queued;
        Providers.loseApplyAnswers = true;
        try {
            queued = post(APPLICATIONS, compatriot(subject), Map.of("itemCode", "LSGA-CRJ-0001", "form", FORM));
        } finally {
            Providers.loseApplyAnswers = false;
        }
        String id = queued.path("id").asString();
        // public-service has it, overseas-service does not know: it stays queued and is sent again
        assertThat(queued.path("state").asString()).isEqualTo("QUEUED");
        String held = Providers.APPLICATIONS_BY_KEY.get(PortalApplications.keyOf(id));
        assertThat(held).isNotNull();

        assertThat(queue.redeliver(id)).isEqualTo(Delivery.Outcome.DELIVERED);

        assertThat(get(APPLICATIONS + "/" + id, compatriot(subject)).path("publicApplicationId").asString())
                .isEqualTo(held);
        assertThat(Providers.APPLICATIONS_BY_KEY.values()).filteredOn(held::equals).hasSize(1);
    }

    @Test
    void aCompatriotWithoutAnAccountIsAppliedForUnderAStableStandIn() {
        String station = openStation();
        String compatriotId = post("/api/overseas/compatriots", staffOf(station), registration(station))
                .path("id").asString();
        Map<String, Object> body = new HashMap<>(Map.of("itemCode", "LSGA-HZ-0002", "compatriotId", compatriotId,
                "proxyAuthority", Map.of("reference", "WT-9", "grantedAt", "2026-11-01T00:00:00Z",
                        "validUntil", Instant.now().plus(Duration.ofDays(30)).toString()),
                "videoCheck", Map.of("at", Instant.now().toString(), "result", "PASSED")));

        String id = post(APPLICATIONS, staffOf(station), body).path("id").asString();

        assertThat(sentFor(id).get(0).body()).contains("\"onBehalfOf\":\"overseas-compatriot:" + compatriotId + "\"");
    }

    @Test
    void aFormPublicServiceRefusesIsAnsweredWithItsFieldErrorsAndLeavesNoApplication() {
        String subject = "c-" + unique();
        registerSelf(subject, openStation());
        String token = compatriot(subject);

        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("itemCode", "LSGA-CRJ-0001", "form", Map.of("applicantName", Providers.REFUSED_NAME)))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.code").isEqualTo("FORM_INVALID")
                .jsonPath("$.errors[0].field").isEqualTo("form.applicantName")
                .jsonPath("$.errors[0].message").isEqualTo("姓名须与护照一致");

        http.get().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(0);
    }

    @Test
    void aNonGlobalItemIsRefusedAtThePortal() {
        String subject = "c-" + unique();
        registerSelf(subject, openStation());
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, compatriot(subject))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("itemCode", "LSGA-JG-0001", "form", FORM))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.code").isEqualTo("ITEM_NOT_GLOBAL")
                .jsonPath("$.detail").isEqualTo("事项 LSGA-JG-0001 不在全球通办清单中，不能通过海外门户办理。");
    }

    @Test
    void stationStaffApplyForACompatriotOnlyWithAProxyAuthorityAndAPassedVideoCheck() {
        String station = openStation();
        String compatriotId = registerSelf("c-" + unique(), station).path("id").asString();
        String staff = staffOf(station);
        Map<String, Object> body = new HashMap<>(Map.of("itemCode", "LSGA-CRJ-0001", "form", FORM,
                "compatriotId", compatriotId));

        refused(staff, body, 422, "PROXY_AUTHORITY_REQUIRED");
        body.put("proxyAuthority", Map.of("reference", "WT-2026-001", "grantedAt", "2026-11-01T00:00:00Z",
                "validUntil", "2026-11-02T00:00:00Z"));
        refused(staff, body, 422, "PROXY_AUTHORITY_EXPIRED");
        body.put("proxyAuthority", Map.of("reference", "WT-2026-001", "grantedAt", "2026-11-01T00:00:00Z",
                "validUntil", Instant.now().plus(Duration.ofDays(90)).toString(), "scope", "出入境记录查询证明"));
        refused(staff, body, 422, "VIDEO_CHECK_REQUIRED");
        body.put("videoCheck", Map.of("at", Instant.now().toString(), "result", "INCONCLUSIVE"));
        refused(staff, body, 422, "VIDEO_CHECK_NOT_PASSED");
        body.put("videoCheck", Map.of("at", Instant.now().toString(), "result", "PASSED",
                "recordingReference", "VID-7788", "staffId", "someone-else"));
        refused(staffOf(openStation()), body, 404, "COMPATRIOT_NOT_FOUND");

        JsonNode created = post(APPLICATIONS, staff, body);
        assertThat(created.path("byStation").asBoolean()).isTrue();
        assertThat(created.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(created.path("proxyAuthority").path("reference").asString()).isEqualTo("WT-2026-001");
        assertThat(created.path("videoCheck").path("result").asString()).isEqualTo("PASSED");
        // the staff member who recorded the check is the caller, whatever the body says
        assertThat(created.path("videoCheck").path("staffId").asString()).startsWith("staff-");
    }

    private void refused(String token, Map<String, Object> body, int status, String code) {
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    private static List<StubProvider.Call> sentFor(String id) {
        return Providers.PUBLIC.calls("POST /api/public/applications").stream()
                .filter(call -> PortalApplications.keyOf(id).equals(call.header("Idempotency-Key"))).toList();
    }
}
