package cn.lishui.police.overseas.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.lishui.police.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * What the API tests of this module share: the stand-in providers (so every test class runs in the same
 * Spring context) and a few builders of callers and data. Each test still builds the data it uses.
 */
public abstract class ApiTestSupport {

    public static final String ADMIN = TestTokens.bearer("admin-1", "ADMIN");
    public static final String HOME_POLICE = TestTokens.user("police-home").roles("POLICE").county("331121").bearer();
    public static final String VILLAGE = "331121001001";

    @Autowired
    protected RestTestClient http;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        Providers.register(registry);
    }

    protected static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Staff of the station (an overseas station's volunteer clerk). */
    protected static String staffOf(String stationId) {
        return TestTokens.user("staff-" + unique()).roles("WINDOW_CLERK").station(stationId).bearer();
    }

    protected static String compatriot(String subject) {
        return TestTokens.bearer(subject, "COMPATRIOT");
    }

    /** Opens a station of its own for the calling test and returns its id. */
    protected String openStation() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "测试警侨驿站-" + unique());
        body.put("country", "IT");
        body.put("city", "Prato");
        body.put("homeCountyCode", "331121");
        body.put("timeZone", "Europe/Rome");
        return post("/api/overseas/stations", ADMIN, body).path("id").asString();
    }

    /** A valid Chinese e-passport number of its own. */
    protected static String passport() {
        return "E" + String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L));
    }

    protected Map<String, Object> registration(String stationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "陈侨" + unique());
        body.put("passportNumber", passport());
        body.put("countryOfResidence", "IT");
        body.put("cityOfResidence", "Prato");
        body.put("stationId", stationId);
        body.put("homeVillageCode", VILLAGE);
        return body;
    }

    /** Registers the compatriot {@code subject} themself at the station; returns the registration. */
    protected JsonNode registerSelf(String subject, String stationId) {
        return post("/api/overseas/compatriots", compatriot(subject), registration(stationId));
    }

    protected JsonNode post(String uri, String token, Object body) {
        return http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    protected JsonNode get(String uri, String token) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    protected static Map<String, Object> line(String itemType, long quantity) {
        return Map.of("itemType", itemType, "quantity", quantity);
    }

    protected static List<Map<String, Object>> lines(Object... typeAndQuantity) {
        java.util.ArrayList<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < typeAndQuantity.length; i += 2) {
            lines.add(line((String) typeAndQuantity[i], ((Number) typeAndQuantity[i + 1]).longValue()));
        }
        return lines;
    }
}
