package cn.lishui.police.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web module's pages as the gateway serves them (issue 11): the portal at {@code /} and the console
 * at {@code /console/} to anyone, with a content security policy that allows only the gateway's own
 * scripts; their assets; and message files that say the same things in both languages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebPagesTest extends RunningGateway {

    private static final UpstreamStub services = UpstreamStub.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        for (String service : List.of("identity", "grid", "mediation", "public", "overseas")) {
            registry.add("fengqiao.services." + service + "-url", services::url);
        }
    }

    @AfterAll
    static void stopStub() {
        services.close();
    }

    @Test
    void thePortalIsTheHomePageForAnyoneWithAPolicyThatAllowsOnlyOwnScripts() {
        String page = client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"))
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("/assets/portal/main.js", "/assets/css/fengqiao.css");
    }

    @Test
    void theConsoleIsServedAtItsDirectoryAndItsBareNameRedirectsThere() {
        client.get().uri("/console").exchange()
                .expectStatus().isEqualTo(301)
                .expectHeader().location("/console/");

        String page = client.get().uri("/console/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy).contains("script-src 'self'"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("/assets/console/main.js");
    }

    @Test
    void scriptsStylesAndMessagesAreServedFromTheGatewayItselfToAnonymousCallers() {
        client.get().uri("/assets/js/auth.js").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Type", type -> assertThat(type).contains("javascript"));
        client.get().uri("/assets/css/fengqiao.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
        client.get().uri("/assets/i18n/common.zh-CN.json").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$['common.signIn']").isEqualTo("登录");
    }

    @Test
    void nothingElseIsOpenBesideThePagesAndTheirAssets() {
        client.get().uri("/secret.html").exchange().expectStatus().isUnauthorized();
        client.post().uri("/console/").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void everyMessageFileSaysTheSameThingsInChineseAndEnglish() throws IOException {
        Map<String, Set<String>> keysByFile = new LinkedHashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:static/assets/i18n/*.json")) {
            try (InputStream in = file.getInputStream()) {
                JsonNode messages = json.readTree(in);
                Set<String> keys = new TreeSet<>(messages.propertyNames());
                messages.properties().forEach(entry -> assertThat(entry.getValue().asString())
                        .as(file.getFilename() + " " + entry.getKey()).isNotBlank());
                keysByFile.put(file.getFilename(), keys);
            }
        }

        assertThat(keysByFile).containsKeys("common.zh-CN.json", "common.en.json");
        keysByFile.forEach((name, keys) -> {
            if (name.endsWith(".zh-CN.json")) {
                String english = name.replace(".zh-CN.json", ".en.json");
                assertThat(keysByFile).as("English twin of " + name).containsKey(english);
                assertThat(keysByFile.get(english)).as(english + " against " + name).isEqualTo(keys);
            }
        });
    }
}
