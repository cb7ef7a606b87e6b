package cn.lishui.police.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;

import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whose budget a request spends: the token's subject (a user, or for a client-credentials token the
 * service client), and for an anonymous request the client's IP address. The address is the
 * connection's, or, when the connection comes from a trusted proxy
 * ({@code spring.cloud.gateway.server.webflux.trusted-proxies}), the nearest untrusted hop of
 * {@code X-Forwarded-For}; a client cannot pick its own key by sending that header itself.
 */
class CallerKeyResolver implements KeyResolver {

    private final TrustedProxies trustedProxies;

    /** @param trustedProxies null when no proxy is trusted */
    CallerKeyResolver(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(CallerKeyResolver::keyOf)
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + clientAddress(exchange.getRequest())));
    }

    static String keyOf(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            if (StringUtils.hasText(jwt.getSubject())) {
                return "sub:" + jwt.getSubject();
            }
            String client = jwt.hasClaim("client_id") ? jwt.getClaimAsString("client_id") : jwt.getClaimAsString("azp");
            if (StringUtils.hasText(client)) {
                return "client:" + client;
            }
        }
        return "principal:" + principal.getName();
    }

    String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote == null ? null
                : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        if (address != null && trustedProxies != null && trustedProxies.isTrusted(address)) {
            List<String> hops = request.getHeaders().getValuesAsList("X-Forwarded-For");
            for (int i = hops.size() - 1; i >= 0; i--) {
                String hop = hops.get(i).strip();
                if (!hop.isEmpty() && !trustedProxies.isTrusted(hop)) {
                    return hop;
                }
            }
        }
        return address != null ? address : "unknown";
    }
}
