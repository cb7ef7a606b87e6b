package cn.lishui.police.identity.key;

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
class KeyRotationTest {

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
    void aTokenSignedBeforeARotationStaysValidAndNewTokensUseTheNewKey() {
        String before = oauth.password("demo-citizen", OAuth.DEMO_PASSWORD).accessToken();
        String oldKey = (String) OAuth.header(before).get("kid");
        String admin = oauth.demoBearer("demo-admin");

        Map<?, ?> rotated = http.post().uri("/api/identity/admin/keys/rotate").header("Authorization", admin).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        String newKey = (String) rotated.get("activeKeyId");
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(kids((List<?>) rotated.get("keys"), "keyId")).contains(oldKey, newKey);
        assertThat(kids(jwks(), "kid")).contains(oldKey, newKey);
        http.get().uri("/api/identity/users/me").header("Authorization", "Bearer " + before).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("demo-citizen");
        String after = oauth.password("demo-citizen", OAuth.DEMO_PASSWORD).accessToken();
        assertThat(OAuth.header(after).get("kid")).isEqualTo(newKey);
        http.get().uri("/api/identity/users/me").header("Authorization", "Bearer " + after).exchange()
                .expectStatus().isOk();
    }

    @Test
    void theKeyListShowsIdsAndNeverKeyMaterial() {
        http.get().uri("/api/identity/admin/keys").header("Authorization", oauth.demoBearer("demo-admin")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.activeKeyId").isNotEmpty()
                .jsonPath("$.keys[0].keyId").isNotEmpty()
                .jsonPath("$.keys[0].d").doesNotExist()
                .jsonPath("$.keys[0].n").doesNotExist();
    }

    @Test
    void onlyAnAdministratorRotatesKeys() {
        http.post().uri("/api/identity/admin/keys/rotate").header("Authorization", oauth.demoBearer("demo-commander"))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        http.post().uri("/api/identity/admin/keys/rotate").exchange()
                .expectStatus().isUnauthorized();
    }

    private List<?> jwks() {
        return (List<?>) OAuth.json(oauth.get("/oauth2/jwks", Map.of()).body()).get("keys");
    }

    private static List<Object> kids(List<?> keys, String field) {
        return keys.stream().map(key -> ((Map<?, ?>) key).get(field)).map(Object.class::cast).toList();
    }
}
