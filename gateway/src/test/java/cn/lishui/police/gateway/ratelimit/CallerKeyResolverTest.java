package cn.lishui.police.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class CallerKeyResolverTest {

    private final CallerKeyResolver untrusting = new CallerKeyResolver(null);
    private final CallerKeyResolver behindAProxy = new CallerKeyResolver(TrustedProxies.from("10\\.0\\.0\\.\\d+"));

    @Test
    void aSignedInCallerIsKeyedByTheTokensSubject() {
        MockServerWebExchange exchange = MockServerWebExchange.builder(from("192.0.2.1"))
                .principal(new JwtAuthenticationToken(jwt("user-42", null), List.of(), "user-42"))
                .build();

        assertThat(untrusting.resolve(exchange).block()).isEqualTo("sub:user-42");
    }

    @Test
    void aTokenWithoutSubjectIsKeyedByItsClient() {
        MockServerWebExchange exchange = MockServerWebExchange.builder(from("192.0.2.1"))
                .principal(new JwtAuthenticationToken(jwt(null, "grid-service"), List.of()))
                .build();

        assertThat(untrusting.resolve(exchange).block()).isEqualTo("client:grid-service");
    }

    @Test
    void anAnonymousCallerIsKeyedByTheAddressOfTheConnection() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/api/public/service-items")
                .remoteAddress(new InetSocketAddress("192.0.2.7", 51000))
                .header("X-Forwarded-For", "198.51.100.1")
                .build();

        assertThat(untrusting.resolve(MockServerWebExchange.from(request)).block()).isEqualTo("ip:192.0.2.7");
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheCaller() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/api/public/service-items")
                .remoteAddress(new InetSocketAddress("10.0.0.2", 51000))
                .header("X-Forwarded-For", "198.51.100.1, 192.0.2.9, 10.0.0.5")
                .build();

        assertThat(behindAProxy.resolve(MockServerWebExchange.from(request)).block()).isEqualTo("ip:192.0.2.9");
    }

    @Test
    void forwardedForFromAnUntrustedConnectionIsIgnored() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/api/public/service-items")
                .remoteAddress(new InetSocketAddress("192.0.2.3", 51000))
                .header("X-Forwarded-For", "198.51.100.1")
                .build();

        assertThat(behindAProxy.resolve(MockServerWebExchange.from(request)).block()).isEqualTo("ip:192.0.2.3");
    }

    private static MockServerHttpRequest from(String address) {
        return MockServerHttpRequest.get("/api/grid/regions").remoteAddress(new InetSocketAddress(address, 51000)).build();
    }

    private static Jwt jwt(String subject, String clientId) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(900));
        if (subject != null) {
            builder.subject(subject);
        }
        if (clientId != null) {
            builder.claim("client_id", clientId);
        }
        return builder.build();
    }
}
