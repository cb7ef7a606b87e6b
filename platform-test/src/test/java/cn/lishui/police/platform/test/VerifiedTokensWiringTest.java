package cn.lishui.police.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A service checks a bearer token once and accepts it again without a new check until it expires (platform
 * {@code VerifiedTokens}, wired into every service's resource server); a token differing in one character is
 * checked, and refused.
 */
@SpringBootTest(classes = {SecuredTestApplication.class, VerifiedTokensWiringTest.CountingDecoder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerifiedTokensWiringTest {

    static final AtomicInteger CHECKS = new AtomicInteger();

    /** The test decoder, counting the tokens it is asked to check. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountingDecoder {

        @Bean
        JwtDecoder jwtDecoder() {
            JwtDecoder decoder = TestTokens.decoder();
            return token -> {
                CHECKS.incrementAndGet();
                return decoder.decode(token);
            };
        }
    }

    @LocalServerPort
    int port;
    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aTokenIsCheckedOnceAndATamperedCopyIsStillRefused() throws Exception {
        String token = TestTokens.user("officer-9").roles("GRID_OFFICER").county("331121").token();

        assertThat(get(token).statusCode()).isEqualTo(200);
        assertThat(get(token).statusCode()).isEqualTo(200);
        assertThat(get(token).statusCode()).isEqualTo(200);
        assertThat(CHECKS.get()).isEqualTo(1);

        // A copy claiming another role under the same signature. (Not a change to the signature's last characters:
        // the last base64url character of a 2048-bit signature carries 2 bits, so some changes decode to the same
        // signature, and the copy was rightly accepted in a CI run.)
        String[] parts = token.split("\\.");
        String elevated = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("GRID_OFFICER", "ADMIN");
        assertThat(elevated).contains("ADMIN");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(elevated.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(get(tampered).statusCode()).isEqualTo(401);
        assertThat(CHECKS.get()).isEqualTo(2);
    }

    private HttpResponse<String> get(String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/test/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
