package cn.lishui.police.mediation.dispute;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.lishui.police.platform.test.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Builds what a dispute test needs through the API: an organisation with its head, mediators, disputes. */
final class DisputeFixtures {

    static final String ADMIN = TestTokens.bearer("admin-1", "ADMIN");
    private static final AtomicInteger VILLAGES = new AtomicInteger(201);

    private final RestTestClient http;

    DisputeFixtures(RestTestClient http) {
        this.http = http;
    }

    /** A fresh village code of a county (distinct per call), e.g. 331122101205. */
    static String freshVillage(String county) {
        int n = VILLAGES.getAndIncrement();
        return county + String.format("%03d", 100 + n / 800) + String.format("%03d", n % 800 + 100);
    }

    static String bearer(String subject, String... roles) {
        return TestTokens.bearer(subject, roles);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An organisation of {@code county} headed by {@code head}; returns its id. */
    String organisation(String county, String kind, String head) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique("调解委员会"));
        body.put("kind", kind);
        body.put("countyCode", county);
        body.put("headId", head);
        URI location = http.post().uri("/api/mediation/organisations").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().returnResult().getResponseHeaders().getLocation();
        return last(location);
    }

    /** A mediator of an organisation with an account {@code subject}; returns its id. */
    String mediator(String organisationId, String subject, List<String> specialties, List<String> dialects,
                    int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", organisationId);
        body.put("name", "调解员" + subject);
        body.put("phone", "13800001111");
        body.put("subject", subject);
        body.put("specialties", specialties);
        body.put("dialects", dialects);
        body.put("capacity", capacity);
        URI location = http.post().uri("/api/mediation/mediators").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().returnResult().getResponseHeaders().getLocation();
        return last(location);
    }

    /** The body of a citizen's own intake: the citizen (self, applicant) against a neighbour. */
    static Map<String, Object> citizenIntake(String village, String organisationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "NEIGHBOUR");
        body.put("description", "邻居在公共通道堆放杂物，多次协商未果。");
        body.put("villageCode", village);
        body.put("amountAtStake", 150000);
        if (organisationId != null) {
            body.put("organisationId", organisationId);
        }
        List<Map<String, Object>> parties = new ArrayList<>();
        parties.add(Map.of("name", "张三丰", "phone", "13912345678", "role", "APPLICANT", "dialect", "缙云话",
                "self", true));
        parties.add(Map.of("name", "李四光", "phone", "13787654321", "role", "RESPONDENT", "dialect", "温州话"));
        body.put("parties", parties);
        return body;
    }

    JsonNode open(String citizen, Map<String, Object> body) {
        return http.post().uri("/api/mediation/disputes").header(HttpHeaders.AUTHORIZATION, citizen)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    RestTestClient.ResponseSpec act(String caller, String id, String action, Map<String, Object> body) {
        return http.post().uri("/api/mediation/disputes/{id}/actions/{action}", id, action)
                .header(HttpHeaders.AUTHORIZATION, caller).contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? Map.of() : body).exchange();
    }

    JsonNode get(String caller, String id) {
        return http.get().uri("/api/mediation/disputes/{id}", id).header(HttpHeaders.AUTHORIZATION, caller)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** A complete agreement signed by every party of the dispute. */
    static Map<String, Object> agreement(JsonNode dispute) {
        List<String> parties = new ArrayList<>();
        dispute.get("parties").forEach(p -> parties.add(p.get("partyId").asString()));
        Map<String, Object> agreement = new HashMap<>();
        agreement.put("facts", "双方因公共通道堆放杂物发生争执。");
        agreement.put("responsibilities", "被申请人占用公共通道，负主要责任。");
        agreement.put("terms", "被申请人三日内清理杂物，并赔偿申请人1500元。");
        agreement.put("performanceManner", "现金当面支付");
        agreement.put("performancePlace", "壶镇派出所调解室");
        agreement.put("performanceDeadline", "2099-01-31");
        agreement.put("signedPartyIds", parties);
        agreement.put("mediatorSigned", true);
        agreement.put("sealed", true);
        return agreement;
    }

    private static String last(URI location) {
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
