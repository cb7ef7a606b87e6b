package cn.lishui.police.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(get(tampered).statusCode()).isEqualTo(401);
        assertThat(CHECKS.get()).isEqualTo(2);
    }

    private HttpResponse<String> get(String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/test/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
