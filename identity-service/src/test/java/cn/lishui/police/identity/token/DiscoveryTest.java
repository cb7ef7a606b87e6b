package cn.lishui.police.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.lishui.police.identity.IdentityServiceTest;
import cn.lishui.police.identity.OAuth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IdentityServiceTest
class DiscoveryTest {

    @LocalServerPort
    int port;

    @Test
    void discoveryNamesTheConfiguredIssuerAndItsEndpoints() {
        var response = new OAuth(port).get("/.well-known/openid-configuration", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> configuration = OAuth.json(response.body());
        assertThat(configuration).containsEntry("issuer", OAuth.ISSUER)
                .containsEntry("authorization_endpoint", OAuth.ISSUER + "/oauth2/authorize")
                .containsEntry("token_endpoint", OAuth.ISSUER + "/oauth2/token")
                .containsEntry("jwks_uri", OAuth.ISSUER + "/oauth2/jwks")
                .containsEntry("userinfo_endpoint", OAuth.ISSUER + "/userinfo");
        assertThat(OAuth.list(configuration.get("grant_types_supported")))
                .contains("authorization_code", "client_credentials", "refresh_token");
        assertThat(OAuth.list(configuration.get("code_challenge_methods_supported"))).contains("S256");
        assertThat(OAuth.list(configuration.get("id_token_signing_alg_values_supported"))).contains("RS256");
    }

    @Test
    void theJwkSetPublishesPublicRsaKeysOnly() {
        var response = new OAuth(port).get("/oauth2/jwks", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        List<Object> keys = OAuth.list(OAuth.json(response.body()).get("keys"));
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(OAuth.map(key))
                .containsEntry("kty", "RSA").containsKeys("kid", "n", "e")
                .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi"));
    }
}
