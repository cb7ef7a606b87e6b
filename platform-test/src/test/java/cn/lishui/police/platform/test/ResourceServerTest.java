package cn.lishui.police.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The starter makes every service a resource server that refuses any token but a valid one. */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServerTest {

    @LocalServerPort
    int port;
    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void publicPathsNeedNoToken() throws Exception {
        assertThat(get("/api/test/catalogue", null).statusCode()).isEqualTo(200);
    }

    @Test
    void noTokenIsAnUnauthenticatedProblemWithAChallenge() throws Exception {
        HttpResponse<String> response = get("/api/test/me", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"");
    }

    @Test
    void aValidTokenIdentifiesTheCallerWithTheirArea() throws Exception {
        HttpResponse<String> response = get("/api/test/me",
                TestTokens.user("officer-7").roles("GRID_OFFICER").county("331121").station("st-1").bearer());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"officer-7\"").contains("\"countyCode\":\"331121\"")
                .contains("GRID_OFFICER");
    }

    @Test
    void expiredWrongIssuerWrongAudienceTamperedAndUnsignedTokensAreRefused() throws Exception {
        String expired = TestTokens.user("a").roles("CITIZEN")
                .issued(Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(5)).bearer();
        String wrongIssuer = TestTokens.user("a").roles("CITIZEN").issuer("https://evil.example").bearer();
        String wrongAudience = TestTokens.user("a").roles("CITIZEN").audience("someone-else").bearer();
        String valid = TestTokens.user("a").roles("CITIZEN").token();
        String[] parts = valid.split("\\.");
        String elevated = new String(Base64.getUrlDecoder().decode(parts[1])).replace("CITIZEN", "ADMIN");
        String tampered = "Bearer " + parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(elevated.getBytes()) + "." + parts[2];
        String none = "Bearer " + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";

        for (String token : new String[] {expired, wrongIssuer, wrongAudience, tampered, none, "Bearer garbage"}) {
            HttpResponse<String> response = get("/api/test/me", token);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.body()).contains("\"code\":\"INVALID_TOKEN\"");
        }
    }

    @Test
    void aRoleRuleRefusesOtherRolesWithAForbiddenProblem() throws Exception {
        HttpResponse<String> citizen = get("/api/test/staff-only", TestTokens.bearer("citizen-a", "CITIZEN"));
        assertThat(citizen.statusCode()).isEqualTo(403);
        assertThat(citizen.body()).contains("\"code\":\"FORBIDDEN\"");
        assertThat(get("/api/test/staff-only", TestTokens.bearer("p-1", "POLICE")).statusCode()).isEqualTo(200);
    }

    @Test
    void actuatorHealthStaysOpen() throws Exception {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
