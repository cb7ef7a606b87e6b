package cn.lishui.police.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.lishui.police.identity.IdentityServiceTest;
import cn.lishui.police.identity.OAuth;
import cn.lishui.police.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@IdentityServiceTest
class UserAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    RestTestClient http;

    OAuth oauth;

    @BeforeEach
    void client() {
        oauth = new OAuth(port);
    }

    @Test
    void aCitizenCannotReadAnotherCitizensProfileAndLearnsNotEvenThatItExists() {
        Citizen a = signUpCitizen();
        Citizen b = signUpCitizen();

        http.get().uri("/api/identity/users/{id}", b.id()).header("Authorization", a.bearer()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("USER_NOT_FOUND");
        http.get().uri("/api/identity/users/{id}", "no-such-user").header("Authorization", a.bearer()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("USER_NOT_FOUND");
        http.get().uri("/api/identity/users/{id}", a.id()).header("Authorization", a.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(a.id());
    }

    @Test
    void anAdministratorReadsAnyProfileWithTheIdentifiersMasked() {
        Citizen b = signUpCitizen();

        http.get().uri("/api/identity/users/{id}", b.id()).header("Authorization", oauth.demoBearer("demo-admin"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(b.id())
                .jsonPath("$.phone").isEqualTo(b.phone().substring(0, 3) + "****" + b.phone().substring(7));
    }

    @Test
    void withoutATokenTheProfileIsAnUnauthenticatedProblem() {
        http.get().uri("/api/identity/users/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsAnInvalidTokenProblem() {
        http.get().uri("/api/identity/users/me").header("Authorization", TestTokens.bearer("intruder", "ADMIN"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_TOKEN");
    }

    @Test
    void aTamperedTokenIsAnInvalidTokenProblem() {
        String token = oauth.password("demo-citizen", OAuth.DEMO_PASSWORD).accessToken();
        String[] parts = token.split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"CITIZEN\"", "\"ADMIN\"")
                        .getBytes());

        http.get().uri("/api/identity/users/me").header("Authorization", "Bearer " + parts[0] + "." + forged + "." + parts[2])
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_TOKEN");
    }

    @Test
    void anUnsignedTokenIsAnInvalidTokenProblem() {
        String token = oauth.password("demo-citizen", OAuth.DEMO_PASSWORD).accessToken();
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());

        http.get().uri("/api/identity/users/me").header("Authorization", "Bearer " + none + "." + token.split("\\.")[1] + ".")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_TOKEN");
    }

    @Test
    void aCitizenCannotCreateStaff() {
        Citizen a = signUpCitizen();

        http.post().uri("/api/identity/staff").header("Authorization", a.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(staff(OAuth.freshName("officer"), List.of("ADMIN"), "331121", null, null))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void anAdministratorCreatesAnOfficerWhoseTokenCarriesTheArea() {
        String username = OAuth.freshName("officer");

        http.post().uri("/api/identity/staff").header("Authorization", oauth.demoBearer("demo-admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(staff(username, List.of("GRID_OFFICER"), "331122", "station-331122-03", null))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/identity/users/.+")
                .expectBody()
                .jsonPath("$.username").isEqualTo(username)
                .jsonPath("$.roles").isEqualTo(List.of("GRID_OFFICER"))
                .jsonPath("$.countyCode").isEqualTo("331122");

        Map<String, Object> claims = OAuth.claims(oauth.password(username, "Grid-Officer-2026").accessToken());
        assertThat(claims).containsEntry("roles", List.of("GRID_OFFICER")).containsEntry("county_code", "331122")
                .containsEntry("station_id", "station-331122-03").containsEntry("preferred_username", username);
    }

    @Test
    void aMediatorWithoutOrganisationIsAnAreaProblem() {
        http.post().uri("/api/identity/staff").header("Authorization", oauth.demoBearer("demo-admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(staff(OAuth.freshName("mediator"), List.of("MEDIATOR"), "331121", null, null))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("AREA_REQUIRED")
                .jsonPath("$.detail").isEqualTo("角色 MEDIATOR 需要填写 organisationId。");
    }

    @Test
    void theMachineRoleCannotBeGivenToAPerson() {
        http.post().uri("/api/identity/staff").header("Authorization", oauth.demoBearer("demo-admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(staff(OAuth.freshName("robot"), List.of("SERVICE"), null, null, null))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_ROLE");
    }

    @Test
    void aTakenUsernameIsAConflict() {
        http.post().uri("/api/identity/staff").header("Authorization", oauth.demoBearer("demo-admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(staff("demo-police", List.of("POLICE"), "331121", null, null))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("USERNAME_TAKEN");
    }

    @Test
    void aServiceTokenHasNoProfile() {
        String bearer = oauth.clientCredentials("grid-service", OAuth.SERVICE_SECRET).bearer();

        http.get().uri("/api/identity/users/me").header("Authorization", bearer).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("USER_NOT_FOUND");
    }

    private Map<String, Object> staff(String username, List<String> roles, String county, String station,
                                      String organisation) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("username", username);
        body.put("password", "Grid-Officer-2026");
        body.put("displayName", "测试工作人员");
        body.put("roles", roles);
        body.put("countyCode", county);
        body.put("stationId", station);
        body.put("organisationId", organisation);
        return body;
    }

    private record Citizen(String id, String phone, String bearer) {
    }

    private Citizen signUpCitizen() {
        String phone = OAuth.freshPhone();
        String id = (String) http.post().uri("/api/identity/citizens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("phone", phone, "password", "Lishui-Spring-2026", "displayName", "群众"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        return new Citizen(id, phone, oauth.bearerOf(phone, "Lishui-Spring-2026"));
    }
}
