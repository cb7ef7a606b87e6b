package cn.lishui.police.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.lishui.police.identity.IdentityServiceTest;
import cn.lishui.police.identity.OAuth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

@IdentityServiceTest
class TokenEndpointTest {

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
    void aDemoUserGetsAnAccessTokenWithTheClaimsOfTheContract() {
        OAuth.Answer answer = oauth.password("demo-officer", OAuth.DEMO_PASSWORD);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.get("token_type")).isEqualTo("Bearer");
        assertThat(answer.get("expires_in")).isIn("899", "900");
        assertThat(answer.get("refresh_token")).isNotBlank();
        Map<String, Object> claims = OAuth.claims(answer.accessToken());
        assertThat(claims.get("iss")).isEqualTo(OAuth.ISSUER);
        assertThat(claims.get("aud")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("fengqiao", "fengqiao-cli");
        assertThat(claims.get("roles")).isEqualTo(List.of("GRID_OFFICER"));
        assertThat(claims.get("county_code")).isEqualTo("331121");
        assertThat(claims.get("station_id")).isEqualTo("station-331121-01");
        assertThat(claims.get("preferred_username")).isEqualTo("demo-officer");
        assertThat(claims.get("sub")).isNotEqualTo("demo-officer");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(900);
        assertThat(OAuth.header(answer.accessToken()).get("alg")).isEqualTo("RS256");
    }

    @Test
    void theAccessTokenOpensTheCallersOwnProfile() {
        String token = oauth.password("demo-citizen", OAuth.DEMO_PASSWORD).accessToken();

        http.get().uri("/api/identity/users/me").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(OAuth.claims(token).get("sub"))
                .jsonPath("$.username").isEqualTo("demo-citizen")
                .jsonPath("$.roles").isEqualTo(List.of("CITIZEN"))
                .jsonPath("$.passwordHash").doesNotExist()
                .jsonPath("$.failedLogins").doesNotExist();
    }

    @Test
    void aMediatorsTokenCarriesTheirOrganisation() {
        Map<String, Object> claims = OAuth.claims(oauth.password("demo-mediator", OAuth.DEMO_PASSWORD).accessToken());

        assertThat(claims).containsEntry("roles", List.of("MEDIATOR")).containsEntry("county_code", "331121")
                .containsEntry("organisation_id", "org-331121-01").doesNotContainKey("station_id");
    }

    @Test
    void anAdministratorWithoutAreaHasNoAreaClaims() {
        Map<String, Object> claims = OAuth.claims(oauth.password("demo-admin", OAuth.DEMO_PASSWORD).accessToken());

        assertThat(claims).containsEntry("roles", List.of("ADMIN"))
                .doesNotContainKeys("county_code", "station_id", "organisation_id");
    }

    @Test
    void aServiceClientGetsATokenWithTheServiceRoleAndNoRefreshToken() {
        OAuth.Answer answer = oauth.clientCredentials("grid-service", OAuth.SERVICE_SECRET);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.get("refresh_token")).isNull();
        Map<String, Object> claims = OAuth.claims(answer.accessToken());
        assertThat(claims).containsEntry("sub", "grid-service").containsEntry("roles", List.of("SERVICE"))
                .containsEntry("iss", OAuth.ISSUER);
        assertThat(claims.get("aud")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("fengqiao", "grid-service");
    }

    @Test
    void everyServiceOfTheContractHasAClient() {
        for (String service : List.of("grid-service", "mediation-service", "public-service", "overseas-service")) {
            assertThat(oauth.clientCredentials(service, OAuth.SERVICE_SECRET).status()).as(service).isEqualTo(200);
        }
    }

    @Test
    void aWrongClientSecretIsInvalidClientInTheOAuthShape() {
        OAuth.Answer answer = oauth.clientCredentials("grid-service", "not-the-secret");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).containsEntry("error", "invalid_client");
    }

    @Test
    void aWrongPasswordIsInvalidGrantInTheOAuthShape() {
        OAuth.Answer answer = oauth.password("demo-police", "Wrong-Password-1");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.response().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(answer.body()).containsEntry("error", "invalid_grant")
                .containsEntry("error_description", "bad credentials");
    }

    @Test
    void anUnknownUserIsTheSameInvalidGrant() {
        OAuth.Answer answer = oauth.password("nobody-" + System.nanoTime(), "Whatever-Pass-1");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).containsEntry("error", "invalid_grant")
                .containsEntry("error_description", "bad credentials");
    }

    @Test
    void aPasswordGrantWithoutThePasswordIsInvalidRequest() {
        OAuth.Answer answer = oauth.token(null, Map.of("grant_type", "password", "username", "demo-citizen",
                "client_id", OAuth.CLI));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).containsEntry("error", "invalid_request");
    }

    @Test
    void aConfidentialServiceClientMayNotUseThePasswordGrant() {
        String basic = java.util.Base64.getEncoder().encodeToString(("grid-service:" + OAuth.SERVICE_SECRET).getBytes());
        OAuth.Answer answer = oauth.token("Basic " + basic, Map.of("grant_type", "password",
                "username", "demo-citizen", "password", OAuth.DEMO_PASSWORD));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).containsEntry("error", "unauthorized_client");
    }

    @Test
    void theWebClientMayNotUseThePasswordGrant() {
        OAuth.Answer answer = oauth.token(null, Map.of("grant_type", "password", "username", "demo-citizen",
                "password", OAuth.DEMO_PASSWORD, "client_id", "fengqiao-web"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).containsEntry("error", "unauthorized_client");
    }

    @Test
    void anUnknownClientIsInvalidClient() {
        OAuth.Answer answer = oauth.token(null, Map.of("grant_type", "password", "username", "demo-citizen",
                "password", OAuth.DEMO_PASSWORD, "client_id", "no-such-client"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).containsEntry("error", "invalid_client");
    }

    @Test
    void aScopeTheClientDoesNotHaveIsInvalidScope() {
        OAuth.Answer answer = oauth.password("demo-citizen", OAuth.DEMO_PASSWORD, "openid admin");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).containsEntry("error", "invalid_scope");
    }

    @Test
    void withScopeOpenidThePasswordGrantAlsoGivesAnIdTokenForTheSameSubject() {
        OAuth.Answer answer = oauth.password("demo-clerk", OAuth.DEMO_PASSWORD, "openid profile");

        Map<String, Object> id = OAuth.claims(answer.get("id_token"));
        Map<String, Object> access = OAuth.claims(answer.accessToken());
        assertThat(id.get("sub")).isEqualTo(access.get("sub"));
        assertThat(id).containsEntry("iss", OAuth.ISSUER).containsEntry("aud", OAuth.CLI)
                .containsEntry("preferred_username", "demo-clerk").containsKey("name");
        assertThat(access.get("scope")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("openid", "profile");
    }

    @Test
    void aRefreshTokenGivesANewAccessTokenAndAFreshRefreshTokenOnce() {
        OAuth.Answer first = oauth.password("demo-commander", OAuth.DEMO_PASSWORD, "openid");
        String refreshToken = first.get("refresh_token");

        OAuth.Answer refreshed = oauth.refresh(OAuth.CLI, refreshToken);

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
        Map<String, Object> claims = OAuth.claims(refreshed.accessToken());
        assertThat(claims).containsEntry("roles", List.of("COMMANDER")).containsEntry("county_code", "331121")
                .containsEntry("sub", OAuth.claims(first.accessToken()).get("sub"));
        assertThat(refreshed.get("refresh_token")).isNotBlank().isNotEqualTo(refreshToken);
        assertThat(refreshed.get("id_token")).isNotBlank();
        http.get().uri("/api/identity/users/me").header("Authorization", refreshed.bearer()).exchange()
                .expectStatus().isOk();

        OAuth.Answer reused = oauth.refresh(OAuth.CLI, refreshToken);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body()).containsEntry("error", "invalid_grant");
    }

    @Test
    void aRefreshTokenIsBoundToTheClientItWasIssuedTo() {
        String refreshToken = oauth.password("demo-citizen", OAuth.DEMO_PASSWORD).get("refresh_token");

        OAuth.Answer answer = oauth.refresh("fengqiao-web", refreshToken);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).containsEntry("error", "invalid_grant");
    }

    @Test
    void credentialsInTheQueryStringAreRefused() {
        java.net.http.HttpResponse<String> response = oauth.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(oauth.base() + "/oauth2/token?username=demo-citizen&password="
                                + OAuth.DEMO_PASSWORD))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=fengqiao-cli"))
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(OAuth.json(response.body())).containsEntry("error", "invalid_request");
    }
}
