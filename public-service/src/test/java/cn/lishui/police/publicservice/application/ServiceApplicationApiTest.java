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
 * overseas-service (role SERVICE) forwards a compatriot's 全球通办 application (contract 6) and reads it back
 * (contract 7); LSGA-CRJ-0001 is global, LSGA-JG-0001 is not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class ServiceApplicationApiTest {

    private static final String APPLICATIONS = "/api/public/applications";
    private static final String OVERSEAS = TestTokens.bearer("overseas-service", "SERVICE");
    private static final String FORM =
            "{\"applicantName\":\"陈侨\",\"phone\":\"+390612345678\",\"deliveryMethod\":\"E_CERTIFICATE\"}";

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationRepository applications;

    @Test
    void theOverseasServiceAppliesForACompatriotWhoThenSeesTheApplicationAsTheirOwn() {
        String compatriotId = id();
        JsonNode created = http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, OVERSEAS)
                .contentType(MediaType.APPLICATION_JSON).body(apply("LSGA-CRJ-0001", "OVERSEAS_STATION", compatriotId))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().exists(HttpHeaders.LOCATION)
                .returnResult(JsonNode.class).getResponseBody();
        String id = created.path("id").asString();
        assertThat(created.path("applicantId").asString()).isEqualTo(compatriotId);
        assertThat(created.path("channel").asString()).isEqualTo("OVERSEAS_STATION");
        assertThat(created.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(created.path("proxyActorId").asString()).isEqualTo("overseas-service");

        http.get().uri(APPLICATIONS + "/" + id).header(HttpHeaders.AUTHORIZATION, OVERSEAS).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.applicantId").isEqualTo(compatriotId);
        http.get().uri(APPLICATIONS + "?mine").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(compatriotId, "COMPATRIOT")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].id").isEqualTo(List.of(id));
        http.get().uri(APPLICATIONS + "/" + id).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(id(), "CITIZEN"))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theSameKeyFromTheServiceKeepsOneApplication() {
        String compatriotId = id();
        String key = "overseas-portal-application-" + id();
        String body = apply("LSGA-CRJ-0001", "ONLINE", compatriotId);
        String first = http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, OVERSEAS)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody().path("id").asString();
        String second = http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, OVERSEAS)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody().path("id").asString();

        assertThat(second).isEqualTo(first);
        assertThat(applications.findAll()).filteredOn(a -> a.applicantId().equals(compatriotId)).hasSize(1);
    }

    @Test
    void theServiceAppliesOnlyForGlobalItemsOnlineOrThroughAStation() {
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, OVERSEAS)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"itemCode\":\"LSGA-JG-0001\",\"channel\":\"ONLINE\",\"onBehalfOf\":\"" + id()
                        + "\",\"form\":{\"applicantName\":\"陈侨\",\"phone\":\"1\"}}").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("ITEM_NOT_GLOBAL");
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, OVERSEAS)
                .contentType(MediaType.APPLICATION_JSON).body(apply("LSGA-CRJ-0001", "WINDOW", id())).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("PROXY_CHANNEL_REQUIRED");
    }

    @Test
    void theServiceNeverAppliesForItself() {
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, OVERSEAS)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"itemCode\":\"LSGA-CRJ-0001\",\"channel\":\"ONLINE\",\"form\":" + FORM + "}").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    private static String apply(String item, String channel, String onBehalfOf) {
        return "{\"itemCode\":\"" + item + "\",\"channel\":\"" + channel + "\",\"onBehalfOf\":\"" + onBehalfOf
                + "\",\"form\":" + FORM + "}";
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
