package cn.lishui.police.mediation.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import cn.lishui.police.mediation.MediationApiTestBase;
import cn.lishui.police.platform.test.TestTokens;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Who may register and read mediation organisations (OWASP API1, API2, API5; NoSQL injection). */
class OrganisationAccessTest extends MediationApiTestBase {

    private static final String PATH = "/api/mediation/organisations";
    private static final String QINGTIAN = "331121";
    private static final String LIANDU = "331102";
    private static final String ADMIN = TestTokens.bearer("admin-1", "ADMIN");

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Test
    void withoutATokenNothingIsReadOrRegistered() {
        String name = unique("无令牌调解委员会");

        http.get().uri(PATH).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .body(organisation(name, QINGTIAN)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");

        assertThat(mongo.count(Query.query(Criteria.where("name").is(name)), Organisation.class)).isZero();
    }

    static Stream<Named<String>> invalidTokens() {
        String valid = TestTokens.user("admin-1").roles("ADMIN").token();
        String[] parts = valid.split("\\.");
        String otherSignature = TestTokens.user("admin-2").roles("ADMIN").token().split("\\.")[2];
        return Stream.of(
                Named.of("expired", TestTokens.user("admin-1").roles("ADMIN")
                        .issued(Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(15)).token()),
                Named.of("for another audience", TestTokens.user("admin-1").roles("ADMIN")
                        .audience("some-other-api").token()),
                Named.of("from another issuer", TestTokens.user("admin-1").roles("ADMIN")
                        .issuer("https://evil.example").token()),
                Named.of("with a signature of other claims", parts[0] + "." + parts[1] + "." + otherSignature),
                Named.of("not a JWT", "not-a-token"));
    }

    @ParameterizedTest(name = "a token {0} is refused")
    @MethodSource("invalidTokens")
    void anInvalidTokenIsA401InvalidTokenProblem(String token) {
        http.get().uri(PATH).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_TOKEN");
    }

    @Test
    void onlyAnAdministratorRegistersAnOrganisation() {
        String name = unique("越权登记调解委员会");

        for (String caller : List.of(
                TestTokens.user("m1").roles("MEDIATOR").county(QINGTIAN).bearer(),
                TestTokens.user("c1").roles("COMMANDER").county(QINGTIAN).bearer(),
                TestTokens.bearer("citizen-a", "CITIZEN"))) {
            http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, caller).contentType(MediaType.APPLICATION_JSON)
                    .body(organisation(name, QINGTIAN)).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(403)
                    .jsonPath("$.code").isEqualTo("FORBIDDEN");
        }

        assertThat(mongo.count(Query.query(Criteria.where("name").is(name)), Organisation.class)).isZero();
    }

    @Test
    void aMediatorCannotSeeAnOrganisationOfAnotherCountyNorLearnThatItExists() {
        String own = register(organisation(unique("青田县侨乡调解委员会"), QINGTIAN));
        String other = register(organisation(unique("莲都区调解委员会"), LIANDU));
        String mediator = TestTokens.user("m1").roles("MEDIATOR").county(QINGTIAN).bearer();

        http.get().uri(PATH + "/{id}", own).header(HttpHeaders.AUTHORIZATION, mediator).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.countyCode").isEqualTo(QINGTIAN);
        byte[] outside = http.get().uri(PATH + "/{id}", other).header(HttpHeaders.AUTHORIZATION, mediator).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("ORGANISATION_NOT_FOUND")
                .returnResult().getResponseBodyContent();
        byte[] missing = http.get().uri(PATH + "/{id}", "000000000000000000000000")
                .header(HttpHeaders.AUTHORIZATION, mediator).exchange()
                .expectStatus().isNotFound()
                .expectBody().returnResult().getResponseBodyContent();
        assertThat(withoutVaryingFields(outside)).isEqualTo(withoutVaryingFields(missing));

        http.get().uri(PATH + "/{id}", other)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("c1").roles("COMMANDER").county(QINGTIAN).bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.countyCode").isEqualTo(LIANDU);
    }

    @Test
    void aMediatorsListShowsOnlyTheirOwnCounty() {
        String own = register(organisation(unique("青田县矛调中心"), QINGTIAN));
        String other = register(organisation(unique("莲都区矛调中心"), LIANDU));
        String mediator = TestTokens.user("m1").roles("MEDIATOR").county(QINGTIAN).bearer();

        http.get().uri(PATH + "?size=200").header(HttpHeaders.AUTHORIZATION, mediator).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].countyCode").value(List.class,
                        counties -> assertThat(counties).isNotEmpty().containsOnly(QINGTIAN))
                .jsonPath("$.content[*].id").value(List.class,
                        ids -> assertThat(ids).contains(own).doesNotContain(other));
        // asking for another county by filter does not widen the scope
        http.get().uri(PATH + "?countyCode={county}", LIANDU).header(HttpHeaders.AUTHORIZATION, mediator).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(0)
                .jsonPath("$.page.totalElements").isEqualTo(0);
        // a mediator whose token names no county sees nothing
        http.get().uri(PATH).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("m2", "MEDIATOR")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(0);
        // the administrator sees both
        http.get().uri(PATH + "?size=200").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].id").value(List.class, ids -> assertThat(ids).contains(own, other));
    }

    @Test
    void operatorsInTheBodyOrTheQueryAreRefusedBeforeTheStore() {
        Map<String, Object> selector = organisation(unique("x"), QINGTIAN);
        selector.put("name", Map.of("$ne", ""));
        Map<String, Object> where = organisation(unique("x"), QINGTIAN);
        where.put("$where", "sleep(1000) || true");

        for (Map<String, Object> body : List.of(selector, where)) {
            http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON)
                    .body(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("OPERATOR_INJECTION");
        }
        // ?countyCode%5B%24ne%5D=x
        http.get().uri(PATH + "?{name}=x", "countyCode[$ne]").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("OPERATOR_INJECTION");
    }

    @Test
    void anIdempotencyKeyIsScopedToTheCaller() {
        String name = unique("同键不同人调解委员会");
        Map<String, Object> body = organisation(name, QINGTIAN);
        String key = UUID.randomUUID().toString();

        JsonNode first = http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, ADMIN)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode second = http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("admin-2", "ADMIN"))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotency-Replayed")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
        assertThat(first.get("createdBy").asString()).isEqualTo("admin-1");
        assertThat(second.get("createdBy").asString()).isEqualTo("admin-2");
        assertThat(mongo.count(Query.query(Criteria.where("name").is(name)), Organisation.class)).isEqualTo(2);
    }

    private String register(Map<String, Object> body) {
        URI location = http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .returnResult().getResponseHeaders().getLocation();
        return location.getPath().substring(PATH.length() + 1);
    }

    /** A problem body without what differs per request (the path, the trace id). */
    private static String withoutVaryingFields(byte[] problem) {
        return new String(problem, StandardCharsets.UTF_8)
                .replaceAll("\"(instance|traceId)\":\"[^\"]*\"", "");
    }

    private static Map<String, Object> organisation(String name, String countyCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "PEOPLES_MEDIATION_COMMITTEE");
        body.put("countyCode", countyCode);
        return body;
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID();
    }
}
