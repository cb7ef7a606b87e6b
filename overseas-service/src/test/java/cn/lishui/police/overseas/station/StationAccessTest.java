package cn.lishui.police.overseas.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.lishui.police.overseas.support.ApiTestSupport;
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

/** Anyone reads the stations; only an administrator opens one (OWASP API2, API5; NoSQL injection). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class StationAccessTest extends ApiTestSupport {

    private static final String STATIONS = "/api/overseas/stations";
    private static final String ADMIN = TestTokens.bearer("admin-1", "ADMIN");

    @Autowired
    StationRepository stations;

    @Test
    void theStationsAreReadWithoutAToken() {
        String id = http.post().uri(STATIONS).header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).body(station("Lisboa-" + token()))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();

        http.get().uri(STATIONS + "/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id);
        http.get().uri(STATIONS + "?country=PT&size=200").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].id").value(List.class, ids -> assertThat(ids).contains(id));
    }

    @Test
    void openingAStationWithoutATokenIsA401Problem() {
        String city = "Porto-" + token();

        http.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON).body(station(city)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.code").isEqualTo("UNAUTHENTICATED");

        assertThat(stations.findAll()).noneMatch(s -> s.city().equals(city));
    }

    @Test
    void onlyAnAdministratorOpensAStation() {
        String city = "Coimbra-" + token();

        for (String caller : List.of(TestTokens.bearer("compatriot-a", "COMPATRIOT"),
                TestTokens.user("p1").roles("POLICE").county("331121").bearer(),
                TestTokens.user("c1").roles("COMMANDER").county("331121").bearer())) {
            http.post().uri(STATIONS).header(HttpHeaders.AUTHORIZATION, caller)
                    .contentType(MediaType.APPLICATION_JSON).body(station(city)).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(403)
                    .jsonPath("$.code").isEqualTo("FORBIDDEN");
        }

        assertThat(stations.findAll()).noneMatch(s -> s.city().equals(city));
    }

    @Test
    void anOperatorInTheBodyIsRefusedBeforeTheStore() {
        Map<String, Object> body = station("Faro-" + token());
        body.put("name", Map.of("$ne", ""));

        http.post().uri(STATIONS).header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("OPERATOR_INJECTION");
    }

    private static Map<String, Object> station(String city) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "葡萄牙警侨驿站");
        body.put("country", "PT");
        body.put("city", city);
        body.put("homeCountyCode", "331121");
        body.put("timeZone", "Europe/Lisbon");
        return body;
    }

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
