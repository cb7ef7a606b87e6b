package cn.lishui.police.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reveal needs an allowed role and a purpose, and leaves an audit record that ADMIN can list. */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataRevealTest {

    @LocalServerPort
    int port;
    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void policeWithAPurposeSeeTheNumberAndTheRevealIsAudited() throws Exception {
        HttpResponse<String> revealed = get("/api/secured-test-app/residents/r-42/id-card?purpose=case%20check%20A",
                TestTokens.bearer("police-9", "POLICE"));
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.body()).isEqualTo("331121198805120132");

        HttpResponse<String> trail = get("/api/secured-test-app/audit/personal-data-reveals",
                TestTokens.bearer("admin-1", "ADMIN"));
        assertThat(trail.statusCode()).isEqualTo(200);
        assertThat(trail.body()).contains("\"actor\":\"police-9\"").contains("\"recordId\":\"r-42\"")
                .contains("\"purpose\":\"case check A\"").doesNotContain("331121198805120132");
    }

    @Test
    void aCitizenCannotReveal() throws Exception {
        HttpResponse<String> response = get("/api/secured-test-app/residents/r-1/id-card?purpose=curious%20me",
                TestTokens.bearer("citizen-a", "CITIZEN"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("PERSONAL_DATA_REVEAL_FORBIDDEN");
    }

    @Test
    void aRevealWithoutAPurposeIsRefused() throws Exception {
        HttpResponse<String> response = get("/api/secured-test-app/residents/r-1/id-card",
                TestTokens.bearer("police-9", "POLICE"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("PERSONAL_DATA_PURPOSE_REQUIRED");
    }

    @Test
    void onlyAdminReadsTheTrail() throws Exception {
        assertThat(get("/api/secured-test-app/audit/personal-data-reveals", TestTokens.bearer("police-9", "POLICE"))
                .statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }
}
