package cn.lishui.police.publicservice.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
 * Proxies (代办) with LSGA-CRJ-0001 (出入境记录查询证明, global) and LSGA-JG-0001 (驾驶证期满换证, not global).
 * Each test uses a station id of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class ProxyApiTest {

    private static final String PROXIES = "/api/public/proxies";
    private static final String APPLICATIONS = "/api/public/applications";
    private static final String FORM =
            "{\"applicantName\":\"陈侨\",\"phone\":\"+390612345678\",\"deliveryMethod\":\"E_CERTIFICATE\"}";

    @Autowired
    RestTestClient http;

    @Autowired
    ProxyRepository proxies;

    @Test
    void aCompatriotAuthorisesAStationAndItsClerkAppliesForThemRecordingBoth() {
        String compatriotId = id();
        String compatriot = TestTokens.bearer(compatriotId, "COMPATRIOT");
        String station = station();
        http.post().uri(PROXIES).header(HttpHeaders.AUTHORIZATION, compatriot).contentType(MediaType.APPLICATION_JSON)
                .body(authorise(station, "LSGA-CRJ-0001", Instant.now().plus(Duration.ofDays(30)))).exchange()
                .expectStatus().isCreated()
                .expectHeader().exists(HttpHeaders.LOCATION)
                .expectBody()
                .jsonPath("$.compatriotId").isEqualTo(compatriotId)
                .jsonPath("$.stationId").isEqualTo(station)
                .jsonPath("$.itemCodes").isEqualTo(List.of("LSGA-CRJ-0001"));

        String clerkId = id();
        JsonNode application = http.post().uri(APPLICATIONS)
                .header(HttpHeaders.AUTHORIZATION, stationClerk(clerkId, station))
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0001", "OVERSEAS_STATION", compatriotId)).exchange()
                .expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(application.path("applicantId").asString()).isEqualTo(compatriotId);
        assertThat(application.path("proxyStationId").asString()).isEqualTo(station);
        assertThat(application.path("proxyActorId").asString()).isEqualTo(clerkId);

        http.get().uri(APPLICATIONS + "?mine").header(HttpHeaders.AUTHORIZATION, compatriot).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].id").isEqualTo(List.of(application.path("id").asString()));
    }

    @Test
    void staffOfTheStationOtherThanClerksMayApplyUnderTheProxyToo() {
        String compatriotId = id();
        String station = station();
        authorised(compatriotId, station, Instant.now().plus(Duration.ofDays(1)));
        http.post().uri(APPLICATIONS)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user(id()).roles("POLICE").station(station).bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0001", "OVERSEAS_STATION", compatriotId)).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.proxyStationId").isEqualTo(station);
    }

    @Test
    void applyingWithoutAProxyIsNoProxyInChineseAndEnglish() {
        String compatriotId = id();
        String station = station();
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, stationClerk(id(), station))
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0001", "OVERSEAS_STATION", compatriotId)).exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.code").isEqualTo("NO_PROXY")
                .jsonPath("$.title").isEqualTo("没有有效的代办委托");
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, stationClerk(id(), station))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0001", "OVERSEAS_STATION", compatriotId)).exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Compatriot " + compatriotId
                        + " has not authorised your station to apply for item LSGA-CRJ-0001, or the proxy has expired.");
    }

    @Test
    void anExpiredProxyIsNoProxy() {
        String compatriotId = id();
        String station = station();
        proxies.save(new Proxy(null, compatriotId, station, List.of("LSGA-CRJ-0001"),
                Instant.now().minus(Duration.ofMinutes(1)), null));
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, stationClerk(id(), station))
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0001", "OVERSEAS_STATION", compatriotId)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("NO_PROXY");
    }

    @Test
    void anotherStationCannotUseTheProxy() {
        String compatriotId = id();
        authorised(compatriotId, station(), Instant.now().plus(Duration.ofDays(1)));
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, stationClerk(id(), station()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0001", "OVERSEAS_STATION", compatriotId)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("NO_PROXY");
    }

    @Test
    void aProxyApplicationMustGoThroughTheOverseasStationChannel() {
        String compatriotId = id();
        String station = station();
        authorised(compatriotId, station, Instant.now().plus(Duration.ofDays(1)));
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, stationClerk(id(), station))
                .contentType(MediaType.APPLICATION_JSON)
                .body(apply("LSGA-CRJ-0001", "WINDOW", compatriotId)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("PROXY_CHANNEL_REQUIRED");
    }

    @Test
    void aProxyCoversOnlyGlobalItems() {
        String compatriot = TestTokens.bearer(id(), "COMPATRIOT");
        http.post().uri(PROXIES).header(HttpHeaders.AUTHORIZATION, compatriot).contentType(MediaType.APPLICATION_JSON)
                .body(authorise(station(), "LSGA-JG-0001", Instant.now().plus(Duration.ofDays(30)))).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("ITEM_NOT_GLOBAL");

        String compatriotId = id();
        String station = station();
        authorised(compatriotId, station, Instant.now().plus(Duration.ofDays(1)));
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, stationClerk(id(), station))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"itemCode\":\"LSGA-JG-0001\",\"channel\":\"OVERSEAS_STATION\",\"onBehalfOf\":\""
                        + compatriotId + "\",\"form\":{\"applicantName\":\"陈侨\",\"phone\":\"1\"}}").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("ITEM_NOT_GLOBAL");
    }

    @Test
    void onlyCompatriotsAuthoriseAndAProxyNeedsAFutureValidity() {
        http.post().uri(PROXIES).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(id(), "CITIZEN"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(authorise(station(), "LSGA-CRJ-0001", Instant.now().plus(Duration.ofDays(30)))).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        http.post().uri(PROXIES).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(id(), "COMPATRIOT"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(authorise(station(), "LSGA-CRJ-0001", Instant.now().minus(Duration.ofDays(1)))).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("validUntil");
    }

    @Test
    void aClerkWithoutAProxyCannotApplyForThemself() {
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, stationClerk(id(), station()))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"itemCode\":\"LSGA-CRJ-0001\",\"channel\":\"ONLINE\",\"form\":" + FORM + "}").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void aCompatriotListsTheirProxiesAndTheStationThoseGivenToIt() {
        String compatriotId = id();
        String station = station();
        authorised(compatriotId, station, Instant.now().plus(Duration.ofDays(1)));
        http.get().uri(PROXIES).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(compatriotId, "COMPATRIOT"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].stationId").isEqualTo(List.of(station));
        http.get().uri(PROXIES).header(HttpHeaders.AUTHORIZATION, stationClerk(id(), station)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].compatriotId").isEqualTo(List.of(compatriotId));
    }

    private void authorised(String compatriotId, String station, Instant validUntil) {
        http.post().uri(PROXIES).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(compatriotId, "COMPATRIOT"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(authorise(station, "LSGA-CRJ-0001", validUntil)).exchange()
                .expectStatus().isCreated();
    }

    private static String authorise(String station, String item, Instant validUntil) {
        return "{\"stationId\":\"" + station + "\",\"itemCodes\":[\"" + item + "\"],\"validUntil\":\""
                + validUntil + "\"}";
    }

    private static String apply(String item, String channel, String onBehalfOf) {
        return "{\"itemCode\":\"" + item + "\",\"channel\":\"" + channel + "\",\"onBehalfOf\":\"" + onBehalfOf
                + "\",\"form\":" + FORM + "}";
    }

    private static String stationClerk(String clerkId, String station) {
        return TestTokens.user(clerkId).roles("WINDOW_CLERK").station(station).bearer();
    }

    private static String station() {
        return "overseas-" + UUID.randomUUID();
    }

    private static String id() {
        return "user-" + UUID.randomUUID();
    }
}
