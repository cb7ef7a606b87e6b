package cn.lishui.police.grid.region;

import java.time.Duration;
import java.time.Instant;

import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The map is read by any signed-in caller, never anonymously (OWASP API2); operators are refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class RegionAccessTest {

    @Autowired
    RestTestClient http;

    @ParameterizedTest
    @ValueSource(strings = {"/api/grid/counties", "/api/grid/regions/331121"})
    void withoutATokenTheMapIsA401Problem(String path) {
        http.get().uri(path).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CITIZEN", "COMPATRIOT", "SERVICE"})
    void anySignedInCallerReadsTheMap(String role) {
        http.get().uri("/api/grid/regions/{code}", "331121")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(role.toLowerCase() + "-1", role)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("青田县");
    }

    @Test
    void anExpiredTokenIsA401InvalidTokenProblem() {
        String expired = TestTokens.user("o1").roles("GRID_OFFICER")
                .issued(Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(15)).bearer();

        http.get().uri("/api/grid/counties").header(HttpHeaders.AUTHORIZATION, expired).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_TOKEN");
    }

    @Test
    void anOperatorInTheQueryIsRefused() {
        // ?code%5B%24ne%5D=x
        http.get().uri("/api/grid/counties?{name}=x", "code[$ne]")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-1", "CITIZEN")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("OPERATOR_INJECTION");
    }
}
