package cn.lishui.police.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.lishui.police.platform.testapp.Http;
import cn.lishui.police.platform.testapp.PlatformTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fengqiao.web.max-request-size=2KB")
class ProblemResponsesTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Map<String, String> NONE = Map.of();
    private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en");

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        Http.Response response = http.post("/api/test/notes", "{\"text\": \"a\",", NONE);
        assertProblem(response, 400, "MALFORMED_BODY");
        assertThat(response.json().get("title").asString()).isEqualTo("请求体格式错误");
    }

    @Test
    void wrongTypeNamesTheField() {
        Http.Response response = http.post("/api/test/notes",
                "{\"text\":\"a\",\"priority\":\"LOW\",\"pages\":\"many\"}", NONE);
        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("pages");
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
        Http.Response response = http.post("/api/test/notes", "{\"text\":\"a\",\"priority\":\"URGENT\"}", ENGLISH);
        assertProblem(response, 400, "INVALID_ENUM_VALUE");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("priority");
        assertThat(error.get("message").asString()).contains("LOW").contains("HIGH");
    }

    @Test
    void aNumberIsNotAnEnumValue() {
        Http.Response response = http.post("/api/test/notes", "{\"text\":\"a\",\"priority\":1}", NONE);
        assertProblem(response, 400, "INVALID_ENUM_VALUE");
    }

    @Test
    void missingAndInvalidFieldsAreListedInErrors() {
        Http.Response response = http.post("/api/test/notes", "{\"pages\": 5000}", NONE);
        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("text", "priority", "pages");
    }

    @Test
    void aFormBodyArrivesAsRequestParametersAfterTheBodyLimitHasReadIt() {
        Http.Response response = http.post("/api/test/notes/form?tag=query",
                "text=%E7%BD%91%E6%A0%BC+%E5%B7%A1%E6%9F%A5&tag=form&tag=second",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("text").asString()).isEqualTo("网格 巡查");
        assertThat(response.json().get("tags").valueStream().map(t -> t.asString()))
                .containsExactly("query", "form", "second");
    }

    @Test
    void domainRuleIsAConflictWithItsOwnCodeInChineseByDefault() {
        String id = created("first");
        Http.Response response = http.post("/api/test/notes/" + id + "/actions/archive", null, NONE);
        assertProblem(response, 409, "NOTE_ALREADY_ARCHIVED");
        assertThat(response.json().get("detail").asString()).isEqualTo("笔记 " + id + " 已归档，不能再次归档。");
        assertThat(response.json().get("type").asString())
                .isEqualTo("https://fengqiao.lishui.police.cn/problems/note-already-archived");
        assertThat(response.json().get("instance").asString()).isEqualTo("/api/test/notes/" + id + "/actions/archive");
        // what the client acts on travels as members of the body
        assertThat(response.json().get("state").asString()).isEqualTo("ARCHIVED");
        assertThat(response.json().get("allowedActions").valueStream().map(a -> a.asString()))
                .containsExactly("restore", "delete");
    }

    @Test
    void acceptLanguageEnglishGivesEnglishMessages() {
        Http.Response response = http.get("/api/test/notes/nope", ENGLISH);
        assertProblem(response, 404, "NOTE_NOT_FOUND");
        assertThat(response.json().get("title").asString()).isEqualTo("Note not found");
        assertThat(response.json().get("detail").asString()).isEqualTo("There is no note with id nope.");
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        assertProblem(http.get("/api/test/nothing-here", NONE), 404, "NOT_FOUND");
        assertProblem(http.get("/definitely/not/here.html", NONE), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblemWithAllow() {
        Http.Response response = http.send("DELETE", "/api/test/notes", null, NONE);
        assertProblem(response, 405, "METHOD_NOT_ALLOWED");
        assertThat(response.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void wrongContentTypeIsAnUnsupportedMediaTypeProblem() {
        Http.Response response = http.post("/api/test/notes", "text=a", Map.of("Content-Type", "text/plain"));
        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void oversizeBodyIsAContentTooLargeProblem() {
        String big = "{\"text\":\"" + "x".repeat(4096) + "\",\"priority\":\"LOW\"}";
        assertProblem(http.post("/api/test/notes", big, NONE), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void unexpectedErrorIsAGenericProblemWithoutInternals() {
        Http.Response response = http.post("/api/test/notes", "{\"text\":\"explode\",\"priority\":\"LOW\"}", NONE);
        assertProblem(response, 500, "INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain("internal detail").doesNotContain("IllegalStateException")
                .doesNotContain("at cn.lishui");
    }

    @Test
    void pagesAreSerializedAsContentAndPage() {
        created("paged");
        JsonNode page = http.get("/api/test/notes?size=500", NONE).json();
        assertThat(page.has("content")).isTrue();
        assertThat(page.get("page").get("size").asInt()).isEqualTo(200);
        assertThat(page.get("page").has("totalElements")).isTrue();
    }

    @Test
    void outOfRangePagesAndOperatorSortsAreBadRequests() {
        assertProblem(http.get("/api/test/notes?page=999999999", NONE), 400, "INVALID_PAGE");
        assertProblem(http.get("/api/test/notes?page=-1", NONE), 400, "INVALID_PAGE");
        assertProblem(http.get("/api/test/notes?page=abc", NONE), 400, "INVALID_PAGE");
        assertProblem(http.get("/api/test/notes?size=0", NONE), 400, "INVALID_PAGE_SIZE");
        assertProblem(http.get("/api/test/notes?sort=$where,desc", NONE), 400, "INVALID_SORT");
        assertThat(http.get("/api/test/notes?page=1&size=5&sort=createdAt,desc&sort=text", NONE).status()).isEqualTo(200);
    }

    @Test
    void operatorInjectionInBodiesAndQueryStringsIsRefused() {
        for (String body : new String[] {"{\"text\":{\"$ne\":null},\"priority\":\"LOW\"}",
            "{\"text\":\"a\",\"priority\":\"LOW\",\"$where\":\"sleep(1000)\"}",
            "{\"text\":\"a\",\"priority\":\"LOW\",\"meta\":{\"a.b\":1}}",
            "{\"text\":{\"$gt\":\"\"},\"priority\":\"LOW\"}"}) {
            assertProblem(http.post("/api/test/notes", body, NONE), 400, "OPERATOR_INJECTION");
        }
        assertProblem(http.get("/api/test/notes?text%5B%24ne%5D=x", NONE), 400, "OPERATOR_INJECTION");
        assertProblem(http.get("/api/test/notes?%24where=1", NONE), 400, "OPERATOR_INJECTION");
        assertThat(http.get("/api/test/notes?q=%24100", NONE).status()).isEqualTo(200);
        assertProblem(http.get("/api/test/notes?text%5Ba%5D%5Bb%5D=x", NONE), 400, "OPERATOR_INJECTION");
        // in a form body too; one plain bracketed key (Open311's attribute[code]) is an ordinary name
        assertProblem(http.post("/api/test/notes/form", "text=x&tag=a&text%5B%24ne%5D=",
                Map.of("Content-Type", "application/x-www-form-urlencoded")), 400, "OPERATOR_INJECTION");
        assertThat(http.get("/api/test/notes?attribute%5Bdispute_kind%5D=neighbour", NONE).status()).isEqualTo(200);
    }

    @Test
    void readinessIncludesTheStoreAndIsUp() {
        Http.Response readiness = http.get("/actuator/health/readiness", NONE);
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness", NONE).status()).isEqualTo(200);
    }

    @Test
    void onlyHealthAndPrometheusAreExposed() {
        assertThat(http.get("/actuator/prometheus", NONE).body()).contains("application=\"platform-test-app\"");
        assertThat(http.get("/actuator/env", NONE).status()).isEqualTo(404);
        assertThat(http.get("/actuator/beans", NONE).status()).isEqualTo(404);
    }

    @Test
    void instantsAreIsoUtc() {
        String id = created("time");
        String createdAt = http.get("/api/test/notes/" + id, NONE).json().get("createdAt").asString();
        assertThat(createdAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    }

    private String created(String text) {
        Http.Response response = http.post("/api/test/notes", "{\"text\":\"" + text + "\",\"priority\":\"LOW\"}", NONE);
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (code == null) {
            return;
        }
        assertThat(response.header("Content-Type")).startsWith(PROBLEM_JSON);
        JsonNode body = response.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("type").asString()).startsWith(ProblemFactory.TYPE_BASE);
        assertThat(body.has("traceId")).as("traceId in " + response.body()).isTrue();
        assertThat(response.body()).doesNotContain("\"trace\"").doesNotContain("Exception");
    }
}
