package cn.lishui.police.grid.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** 蜂群: groups per station, members with masked phones, on-call roster, broadcasts and acknowledgements. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class LiaisonGroupApiTest {

    static final String POLICE = TestTokens.user("police-yh").roles("POLICE").county("331125").bearer();

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry registry;

    @BeforeEach
    void noGroups() {
        for (String collection : List.of("liaison_groups", "liaison_members", "liaison_broadcasts")) {
            mongo.getCollection(collection).deleteMany(new Document());
        }
    }

    <T> T post(String token, String uri, Object body, Class<T> type) {
        return http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().expectStatus().isCreated().expectBody(type).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    String group(String name) {
        return (String) post(POLICE, "/api/grid/liaison-groups", Map.of("name", name, "stationId", "station-331125-01"),
                Map.class).get("id");
    }

    @SuppressWarnings("unchecked")
    String member(String group, String name, String role, String phone, List<String> days, String account) {
        return (String) post(POLICE, "/api/grid/liaison-groups/" + group + "/members", Map.of("name", name, "role", role,
                "phone", phone, "onCallDays", days, "account", account), Map.class).get("id");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAlertToTwoGroupsIsAcknowledgedOncePerMemberWithRateAndTime() {
        String shops = group("城关商户群");
        String guards = group("城关保安群");
        String wang = member(shops, "王老板", "SHOPKEEPER", "13300001111", List.of("MONDAY"), "citizen-wang");
        member(shops, "李店主", "SHOPKEEPER", "13300002222", List.of("TUESDAY"), "citizen-li");
        member(guards, "赵保安", "SECURITY_GUARD", "13300003333", List.of("MONDAY", "TUESDAY"), "citizen-zhao");
        String other = group("别的群");
        member(other, "外人", "VOLUNTEER", "13300004444", List.of(), "citizen-out");

        http.get().uri("/api/grid/liaison-groups/{id}/members", shops).header(HttpHeaders.AUTHORIZATION, POLICE)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(2)
                .jsonPath("$.content[0].phone").isEqualTo("133****2222")
                .jsonPath("$.content[1].phone").isEqualTo("133****1111");
        http.get().uri("/api/grid/liaison-groups/{id}/on-call?date=2026-11-30", guards)
                .header(HttpHeaders.AUTHORIZATION, POLICE).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].name").isEqualTo("赵保安");

        Map<String, Object> sent = post(POLICE, "/api/grid/liaison-broadcasts",
                Map.of("groupIds", List.of(shops, guards), "text", "协查：一辆蓝色电动车被盗，请留意"), Map.class);
        String id = (String) sent.get("id");
        assertThat(sent.get("recipients")).isEqualTo(3);

        String ack = "/api/grid/liaison-broadcasts/" + id + "/actions/acknowledge";
        http.post().uri(ack).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-wang", "CITIZEN"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.acknowledged").isEqualTo(1);
        http.post().uri(ack).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-wang", "CITIZEN"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.acknowledged").isEqualTo(1);
        http.post().uri(ack).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-out", "CITIZEN"))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_A_RECIPIENT");
        http.post().uri(ack).header(HttpHeaders.AUTHORIZATION, POLICE).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("memberId", wang)).exchange().expectStatus().isOk();
        http.post().uri(ack).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-zhao", "CITIZEN"))
                .exchange().expectStatus().isOk();

        http.get().uri("/api/grid/liaison-broadcasts/{id}", id).header(HttpHeaders.AUTHORIZATION, POLICE).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.recipients").isEqualTo(3)
                .jsonPath("$.acknowledged").isEqualTo(2)
                .jsonPath("$.ackRate").isEqualTo(0.6667)
                .jsonPath("$.medianAckSeconds").isNotEmpty();
        assertThat(registry.get("fengqiao.liaison.broadcast.acknowledgements").tag("county", "331125").counter().count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void groupsStayInTheirCounty() {
        String group = group("城关志愿者群");
        String otherCounty = TestTokens.user("police-ld").roles("POLICE").county("331102").bearer();
        http.get().uri("/api/grid/liaison-groups/{id}", group).header(HttpHeaders.AUTHORIZATION, otherCounty).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("LIAISON_GROUP_NOT_FOUND");
        http.post().uri("/api/grid/liaison-broadcasts").header(HttpHeaders.AUTHORIZATION, otherCounty)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("groupIds", List.of(group), "text", "x"))
                .exchange().expectStatus().isEqualTo(422);
        http.post().uri("/api/grid/liaison-groups").header(HttpHeaders.AUTHORIZATION, otherCounty)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "x", "stationId", "station-331125-01"))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/grid/liaison-groups/{id}/members", group).header(HttpHeaders.AUTHORIZATION, POLICE)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "x", "role", "PILOT", "phone", "133"))
                .exchange().expectStatus().isBadRequest();
        http.post().uri("/api/grid/liaison-broadcasts").header(HttpHeaders.AUTHORIZATION, POLICE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("groupIds", List.of(group), "text", "x", "incidentId", "no-such-incident"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("INCIDENT_NOT_FOUND");
    }
}
