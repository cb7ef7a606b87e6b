package cn.lishui.police.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest {

    @Test
    void overHttpsBrowsersAreToldToStayOnHttps() {
        HttpHeaders headers = new HttpHeaders();

        SecurityHeaders.write(MockServerHttpRequest.get("https://fengqiao.example/api/grid/regions").build(), headers);

        assertThat(headers.getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void overPlainHttpThereIsNoHsts() {
        HttpHeaders headers = new HttpHeaders();

        SecurityHeaders.write(MockServerHttpRequest.get("http://127.0.0.1:8080/api/grid/regions").build(), headers);

        assertThat(headers.getFirst("Strict-Transport-Security")).isNull();
    }

    @Test
    void anApiResponseThatSaysNothingAboutCachingAllowsNothingAndIsNeverStored() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        SecurityHeaders.write(MockServerHttpRequest.get("/api/grid/residents/1").build(), headers);

        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(headers.getCacheControl()).isEqualTo("no-store");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void anApiResponseKeepsTheCachingItsServiceChose() {
        HttpHeaders publicRead = new HttpHeaders();
        publicRead.setContentType(MediaType.APPLICATION_JSON);
        publicRead.setCacheControl("max-age=30, public");
        HttpHeaders privateAnswer = new HttpHeaders();
        privateAnswer.setContentType(MediaType.APPLICATION_JSON);
        privateAnswer.setCacheControl("private, no-store");

        SecurityHeaders.write(MockServerHttpRequest.get("/api/public/items").build(), publicRead);
        SecurityHeaders.write(MockServerHttpRequest.get("/api/public/applications").build(), privateAnswer);

        assertThat(publicRead.getCacheControl()).isEqualTo("max-age=30, public");
        assertThat(privateAnswer.getCacheControl()).isEqualTo("private, no-store");
        assertThat(publicRead.getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void theSignInPageKeepsThePolicyItsServiceGaveIt() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/html;charset=UTF-8"));
        headers.set("Content-Security-Policy", "default-src 'self'");

        SecurityHeaders.write(MockServerHttpRequest.get("/login").build(), headers);

        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("default-src 'self'");
        assertThat(headers.getFirst("Cache-Control")).isNull();
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    }
}
