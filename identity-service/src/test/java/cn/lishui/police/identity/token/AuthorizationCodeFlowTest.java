package cn.lishui.police.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.identity.AuthorizationPages;
import cn.lishui.police.identity.IdentityServiceTest;
import cn.lishui.police.identity.OAuth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The front end's flow end to end, as a browser drives it: authorize with a PKCE challenge, get sent to
 * the login form, sign in (session cookie and CSRF token), come back to the redirect URI with a code,
 * and exchange the code with the verifier.
 */
@IdentityServiceTest
class AuthorizationCodeFlowTest {

    static final String WEB = "fengqiao-web";

    @LocalServerPort
    int port;

    OAuth browser;
    String verifier;
    String challenge;

    @BeforeEach
    void pkce() throws Exception {
        browser = new OAuth(port);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aUserSignsInThroughTheLoginFormAndTheWebClientGetsTokens() {
        String code = signInAndGetCode("demo-mediator", OAuth.DEMO_PASSWORD, "state-123");

        OAuth.Answer tokens = browser.token(null, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", OAuth.WEB_REDIRECT_URI, "client_id", WEB, "code_verifier", verifier));

        assertThat(tokens.status()).isEqualTo(200);
        Map<String, Object> access = OAuth.claims(tokens.accessToken());
        assertThat(access).containsEntry("iss", OAuth.ISSUER).containsEntry("roles", List.of("MEDIATOR"))
                .containsEntry("county_code", "331121").containsEntry("organisation_id", "org-331121-01")
                .containsEntry("preferred_username", "demo-mediator");
        assertThat(OAuth.list(access.get("aud"))).contains("fengqiao", WEB);
        Map<String, Object> id = OAuth.claims(tokens.get("id_token"));
        assertThat(id).containsEntry("sub", access.get("sub")).containsEntry("aud", WEB).containsKey("auth_time");
        assertThat(tokens.get("refresh_token")).isNotBlank();

        HttpResponse<String> userinfo = browser.get("/userinfo", Map.of("Authorization", tokens.bearer()));
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(OAuth.json(userinfo.body())).containsEntry("sub", access.get("sub"));

        OAuth.Answer refreshed = browser.refresh(WEB, tokens.get("refresh_token"));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(OAuth.claims(refreshed.accessToken())).containsEntry("sub", access.get("sub"))
                .containsEntry("roles", List.of("MEDIATOR"));
    }

    @Test
    void aCodeCannotBeExchangedWithoutTheRightVerifier() {
        String code = signInAndGetCode("demo-citizen", OAuth.DEMO_PASSWORD, "s");

        OAuth.Answer answer = browser.token(null, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", OAuth.WEB_REDIRECT_URI, "client_id", WEB, "code_verifier", verifier + "x"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).containsEntry("error", "invalid_grant");
    }

    @Test
    void theWebClientMustSendACodeChallenge() {
        HttpResponse<String> response = browser.get(authorizeUrl(null, "s"), Map.of("Accept", "text/html"));

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(OAuth.WEB_REDIRECT_URI).contains("error=invalid_request");
    }

    @Test
    void anUnregisteredRedirectUriIsNeverRedirectedTo() {
        String url = browser.base() + "/oauth2/authorize?response_type=code&client_id=" + WEB
                + "&redirect_uri=https://evil.example/cb&scope=openid&state=s&code_challenge=" + challenge
                + "&code_challenge_method=S256";

        HttpResponse<String> response = browser.get(url, Map.of("Accept", "text/html"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aWrongPasswordOnTheFormSendsTheBrowserBackToTheForm() {
        browser.get(authorizeUrl(challenge, "s"), Map.of("Accept", "text/html"));
        String csrf = AuthorizationPages.csrfToken(browser.get("/login", Map.of("Accept", "text/html")).body());

        HttpResponse<String> response = browser.postForm("/login",
                Map.of("username", "demo-citizen", "password", "Wrong-Password-1", "_csrf", csrf));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void theSignInPageIsChineseByDefaultAndEnglishWhenTheWebPageAsksForIt() {
        HttpResponse<String> chinese = browser.get("/login", Map.of("Accept", "text/html"));
        assertThat(chinese.statusCode()).isEqualTo(200);
        assertThat(chinese.body()).contains("<html lang=\"zh-CN\">", "用户名", "密码", "id=\"username\"",
                "id=\"password\"", "href=\"/login.css\"").doesNotContain("<script");

        browser.get(authorizeUrl(challenge, "s") + "&ui_locales=en", Map.of("Accept", "text/html"));
        HttpResponse<String> english = browser.get("/login", Map.of("Accept", "text/html"));
        assertThat(english.body()).contains("<html lang=\"en\">", "Username", "Password");

        assertThat(browser.get("/login?lang=zh-CN", Map.of("Accept", "text/html")).body()).contains("用户名");
        assertThat(browser.get("/login.css", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void aFailedSignInIsExplainedOnThePageInTheUsersLanguage() {
        HttpResponse<String> page = browser.get("/login?error&lang=en", Map.of("Accept", "text/html"));

        assertThat(page.body()).contains("role=\"alert\"", "Wrong username or password");
    }

    private String signInAndGetCode(String username, String password, String state) {
        HttpResponse<String> authorize = browser.get(authorizeUrl(challenge, state), Map.of("Accept", "text/html"));
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> form = browser.get("/login", Map.of("Accept", "text/html"));
        assertThat(form.statusCode()).isEqualTo(200);
        String csrf = AuthorizationPages.csrfToken(form.body());

        HttpResponse<String> signedIn = browser.postForm("/login",
                Map.of("username", username, "password", password, "_csrf", csrf));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String back = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(back).contains("/oauth2/authorize");

        HttpResponse<String> redirected = browser.get(back, Map.of("Accept", "text/html"));
        assertThat(redirected.statusCode()).isEqualTo(302);
        URI callback = URI.create(redirected.headers().firstValue("Location").orElseThrow());
        assertThat(callback.toString()).startsWith(OAuth.WEB_REDIRECT_URI);
        Map<String, String> query = query(callback);
        assertThat(query).containsEntry("state", state).containsKey("code");
        return query.get("code");
    }

    private String authorizeUrl(String codeChallenge, String state) {
        String url = browser.base() + "/oauth2/authorize?response_type=code&client_id=" + WEB
                + "&redirect_uri=" + OAuth.WEB_REDIRECT_URI + "&scope=openid%20profile&state=" + state;
        return codeChallenge == null ? url : url + "&code_challenge=" + codeChallenge + "&code_challenge_method=S256";
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }
}
