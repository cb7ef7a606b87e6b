package cn.lishui.police.overseas.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.lishui.police.overseas.support.ApiTestSupport;
import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class StationApiTest extends ApiTestSupport {

    private static final String STATIONS = "/api/overseas/stations";
    private static final Map<String, String> TIME_ZONES = Map.of("IT", "Europe/Rome", "ES", "Europe/Madrid",
            "AT", "Europe/Vienna", "FR", "Europe/Paris", "NL", "Europe/Amsterdam", "CZ", "Europe/Prague");
    private static final String ISO_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

    @Autowired
    StationRepository stations;

    /** An administrator opens stations; anyone reads them, so the reads below carry no token. */
    RestTestClient admin;

    @BeforeEach
    void signIn() {
        admin = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer("admin-1", "ADMIN")).build();
    }

    @Test
    void openingAStationAnswers201WithItsLocationAndItCanBeReadBack() {
        var created = admin.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON)
                .body(station("米兰警侨驿站", "IT", "Milano", "331121", "+39 02 1234 5678"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult();
        String id = created.getResponseBody().get("id").asString();
        assertThat(id).isNotBlank();
        assertThat(created.getResponseHeaders().getLocation()).hasToString(STATIONS + "/" + id);

        http.get().uri(created.getResponseHeaders().getLocation()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.name").isEqualTo("米兰警侨驿站")
                .jsonPath("$.country").isEqualTo("IT")
                .jsonPath("$.city").isEqualTo("Milano")
                .jsonPath("$.homeCountyCode").isEqualTo("331121")
                .jsonPath("$.homeCountyName").isEqualTo("青田县")
                .jsonPath("$.contactPhone").isEqualTo("+39*********5678")
                .jsonPath("$.timeZone").isEqualTo("Europe/Rome")
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.localTime").value(String.class, t -> assertThat(t).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"))
                .jsonPath("$.utcOffset").value(String.class, o -> assertThat(o).isIn("+01:00", "+02:00"))
                .jsonPath("$.createdAt").isEqualTo(created.getResponseBody().get("createdAt").asString())
                .jsonPath("$.createdAt").value(String.class, at -> assertThat(at).matches(ISO_INSTANT))
                .jsonPath("$.updatedAt").value(String.class, at -> assertThat(at).matches(ISO_INSTANT));
        assertThat(stations.findById(id)).isPresent();
    }

    @Test
    void serverOwnedFieldsInTheRequestAreIgnoredAndTheOpenerIsTheCaller() {
        Map<String, Object> body = new HashMap<>(station("马德里警侨驿站", "ES", "Madrid", "331121", null));
        body.put("id", "chosen-by-client");
        body.put("createdAt", "2000-01-01T00:00:00Z");
        body.put("updatedAt", "2000-01-01T00:00:00Z");
        body.put("version", 42);
        body.put("createdBy", "someone-else");

        JsonNode created = admin.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(created.get("id").asString()).isNotEqualTo("chosen-by-client");
        assertThat(created.get("createdAt").asString()).doesNotStartWith("2000");
        assertThat(created.get("updatedAt").asString()).doesNotStartWith("2000");
        assertThat(created.get("contactPhone").isNull()).isTrue();
        // who opened it is kept for audit, not shown to the public
        assertThat(created.has("createdBy")).isFalse();
        assertThat(stations.findById(created.get("id").asString())).get()
                .extracting(Station::createdBy).isEqualTo("admin-1");
        assertThat(stations.findById("chosen-by-client")).isEmpty();
    }

    @Test
    void listingIsAPageOfStationsFilteredByCountry() {
        String city = "Wien-" + token();
        for (int i = 1; i <= 3; i++) {
            open(station("维也纳警侨驿站" + i, "AT", city, "331102", null));
        }
        open(station("巴黎警侨驿站", "FR", "Paris", "331122", null));

        http.get().uri(STATIONS + "?country=AT&size=2&sort=name").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(2)
                .jsonPath("$.content[0].name").isEqualTo("维也纳警侨驿站1")
                .jsonPath("$.content[*].country").isEqualTo(List.of("AT", "AT"))
                .jsonPath("$.page.size").isEqualTo(2)
                .jsonPath("$.page.number").isEqualTo(0)
                .jsonPath("$.page.totalElements").isEqualTo(3)
                .jsonPath("$.page.totalPages").isEqualTo(2);

        http.get().uri(STATIONS).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page.size").isEqualTo(20)
                .jsonPath("$.page.totalElements").value(Integer.class, total -> assertThat(total).isGreaterThanOrEqualTo(4));
    }

    @Test
    void anUnknownStationIsA404ProblemInChineseByDefault() {
        http.get().uri(STATIONS + "/{id}", "000000000000000000000000").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("STATION_NOT_FOUND")
                .jsonPath("$.title").isEqualTo("警侨驿站不存在")
                .jsonPath("$.detail").isEqualTo("编号为 000000000000000000000000 的警侨驿站不存在。");
    }

    @Test
    void theProblemIsInEnglishWhenAskedFor() {
        http.get().uri(STATIONS + "/{id}", "no-such-station").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.code").isEqualTo("STATION_NOT_FOUND")
                .jsonPath("$.title").isEqualTo("Overseas station not found")
                .jsonPath("$.detail").isEqualTo("There is no overseas station with id no-such-station.");
    }

    @Test
    void invalidFieldsAreA400ValidationProblemNamingEachField() {
        admin.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON)
                .body(station(" ", "XX", "Roma", "331121", "call me"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[*].field").value(List.class,
                        fields -> assertThat(fields).containsExactlyInAnyOrder("name", "country", "contactPhone"))
                .jsonPath("$.errors[?(@.field == 'country')].message")
                .isEqualTo(List.of("必须是 ISO 3166-1 两位字母国家代码（如 IT）"));

        admin.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .body(Map.of("name", "罗马警侨驿站", "country", "it", "city", "Roma", "timeZone", "Europe/Rome"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[*].field").value(List.class,
                        fields -> assertThat(fields).containsExactlyInAnyOrder("country", "homeCountyCode"))
                .jsonPath("$.errors[?(@.field == 'country')].message")
                .isEqualTo(List.of("must be an ISO 3166-1 alpha-2 country code such as IT"));
        assertThat(stations.findAll()).noneMatch(s -> s.city().equals("Roma"));
    }

    @Test
    void aHomeCountyOutsideLishuiIsAnInvalidEnumValueProblem() {
        admin.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON)
                .body(station("布拉格警侨驿站", "CZ", "Praha", "330100", null))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_ENUM_VALUE")
                .jsonPath("$.errors[0].field").isEqualTo("homeCountyCode")
                .jsonPath("$.errors[0].message").value(String.class, message -> assertThat(message).contains("331121"));

        // a number must not be taken as the position of a county in the list
        admin.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"布拉格警侨驿站\",\"country\":\"CZ\",\"city\":\"Praha\",\"homeCountyCode\":1}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("homeCountyCode");
        assertThat(stations.findAll()).noneMatch(s -> s.city().equals("Praha"));
    }

    @Test
    void anInvalidCountryFilterIsA400Problem() {
        http.get().uri(STATIONS + "?country=ZZ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("country");
    }

    @Test
    void aRepeatedPostWithTheSameIdempotencyKeyOpensOneStation() {
        String city = "Rotterdam-" + token();
        Map<String, Object> body = station("鹿特丹警侨驿站", "NL", city, "331121", null);
        String key = UUID.randomUUID().toString();

        var first = admin.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).body(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult();
        var second = admin.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).body(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult();

        assertThat(second.getResponseBody().get("id").asString())
                .isEqualTo(first.getResponseBody().get("id").asString());
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(stations.findAll()).filteredOn(s -> s.city().equals(city)).hasSize(1);
    }

    @Test
    void aStationShowsItsHostOrganisationLanguagesServicesAndMaskedContact() {
        Map<String, Object> body = station("普拉托警侨驿站", "IT", "Prato", "331121", "+39 0574 123456");
        body.put("hostOrganisation", "意大利普拉托华侨华人联谊会");
        body.put("contactName", "陈国华");
        body.put("languages", List.of("zh", "it", "zh-wuu"));
        body.put("services", List.of("GLOBAL_SERVICES", "VIDEO_IDENTITY_CHECK", "AID_DISTRIBUTION"));
        JsonNode created = admin.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        http.get().uri(STATIONS + "/{id}", created.get("id").asString()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.hostOrganisation").isEqualTo("意大利普拉托华侨华人联谊会")
                .jsonPath("$.contactName").isEqualTo("陈**")
                .jsonPath("$.contactPhone").isEqualTo("+39********3456")
                .jsonPath("$.languages").isEqualTo(List.of("zh", "it", "zh-wuu"))
                .jsonPath("$.services").isEqualTo(List.of("GLOBAL_SERVICES", "VIDEO_IDENTITY_CHECK", "AID_DISTRIBUTION"));
        // the contact is sealed at rest: neither the name nor the number is stored in clear
        String stored = stations.findById(created.get("id").asString()).orElseThrow().contactPhone().ciphertext();
        assertThat(stored).doesNotContain("123456");
    }

    @Test
    void anUnknownTimeZoneIsA400Problem() {
        Map<String, Object> body = station("悉尼警侨驿站", "AU", "Sydney", "331121", null);
        body.put("timeZone", "Mars/Olympus");
        admin.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_TIME_ZONE");
        body.put("timeZone", "+10:00");
        admin.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_TIME_ZONE");
    }

    @Test
    void anAdministratorClosesAStationAndTheListCanShowOnlyActiveOnes() {
        String city = "Lyon-" + token();
        String id = admin.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON)
                .body(station("里昂警侨驿站", "FR", city, "331121", null)).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();

        admin.post().uri(STATIONS + "/{id}/actions/deactivate", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false);
        http.get().uri(STATIONS + "?country=FR&active=true&size=200").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].id").value(List.class, ids -> assertThat(ids).doesNotContain(id));
        http.post().uri(STATIONS + "/{id}/actions/activate", id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("c1", "COMPATRIOT")).exchange()
                .expectStatus().isForbidden();
    }

    private void open(Map<String, Object> body) {
        admin.post().uri(STATIONS).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated();
    }

    private static Map<String, Object> station(String name, String country, String city, String county,
                                               String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("country", country);
        body.put("city", city);
        body.put("homeCountyCode", county);
        body.put("contactPhone", phone);
        body.put("timeZone", TIME_ZONES.getOrDefault(country, "Europe/Rome"));
        return body;
    }

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
