package cn.lishui.police.platform.feign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import feign.RequestTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.RestClient;

class BearerTokenRelayTest {

    HttpServer identity;
    final AtomicInteger tokenRequests = new AtomicInteger();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void tokenEndpoint() throws Exception {
        identity = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        identity.createContext("/oauth2/token", exchange -> {
            tokenRequests.incrementAndGet();
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"access_token\":\"service-token-" + tokenRequests.get()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        identity.start();
    }

    @AfterEach
    void stop() {
        identity.stop(0);
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCallMadeForAUserRelaysTheUsersToken() {
        Jwt jwt = Jwt.withTokenValue("users-token").header("alg", "RS256").subject("citizen-a")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        RequestTemplate request = new RequestTemplate();

        relay().apply(request);

        assertThat(request.headers().get("Authorization")).containsExactly("Bearer users-token");
        assertThat(tokenRequests).hasValue(0);
    }

    @Test
    void workOfTheServiceItselfUsesItsClientCredentialsTokenFetchedOnce() {
        BearerTokenRelay relay = relay();
        RequestTemplate first = new RequestTemplate();
        RequestTemplate second = new RequestTemplate();

        relay.apply(first);
        relay.apply(second);

        assertThat(first.headers().get("Authorization")).containsExactly("Bearer service-token-1");
        assertThat(second.headers().get("Authorization")).containsExactly("Bearer service-token-1");
        assertThat(tokenRequests).hasValue(1);
        assertThat(authorizations.get(0)).isEqualTo("Basic "
                + java.util.Base64.getEncoder().encodeToString("grid-service:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void withoutASecretAndWithoutAUserNoTokenIsAdded() {
        RequestTemplate request = new RequestTemplate();
        new BearerTokenRelay((ServiceTokens) null).apply(request);
        assertThat(request.headers()).doesNotContainKey("Authorization");
    }

    private BearerTokenRelay relay() {
        URI tokenUri = URI.create("http://127.0.0.1:" + identity.getAddress().getPort() + "/oauth2/token");
        return new BearerTokenRelay(new ServiceTokens(RestClient.builder(), tokenUri, "grid-service", "s3cret",
                Clock.systemUTC()));
    }
}
