package cn.lishui.police.gateway.security;

import java.util.Locale;
import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Removes from every request sent to a service the headers that some frameworks and proxies take as
 * the caller's identity. Identity travels only as the bearer token, which the service validates; a
 * client must not be able to add {@code X-User-Id: someone-else} and be believed by a service (or by a
 * library in it) that trusts such headers. {@code X-Forwarded-*} and {@code Forwarded} are handled by
 * Spring Cloud Gateway itself: dropped unless the connection comes from a proxy matched by
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies}.
 */
@Component
class SpoofableIdentityHeaders implements HttpHeadersFilter, Ordered {

    private static final Set<String> NAMES = Set.of("x-forwarded-user", "x-roles", "x-client-id", "x-remote-user",
            "remote-user");
    private static final Set<String> PREFIXES = Set.of("x-user-", "x-authenticated-");

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (input.headerNames().stream().noneMatch(SpoofableIdentityHeaders::isSpoofable)) {
            return input; // the usual case: nothing to drop, no copy of every header per request
        }
        HttpHeaders kept = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isSpoofable(name)) {
                kept.addAll(name, values);
            }
        });
        return kept;
    }

    static boolean isSpoofable(String headerName) {
        if (headerName.length() < 6 || !(headerName.charAt(0) == 'x' || headerName.charAt(0) == 'X'
                || headerName.charAt(0) == 'r' || headerName.charAt(0) == 'R')) {
            return false; // every name below starts with x- or remote-
        }
        String name = headerName.toLowerCase(Locale.ROOT);
        return NAMES.contains(name) || PREFIXES.stream().anyMatch(name::startsWith);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
