package cn.lishui.police.gateway.routing;

import java.nio.charset.StandardCharsets;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The path a client asked for, checked before any route sees it. Routes forward the path as it is,
 * and a servlet container behind the gateway normalizes dot segments: {@code /api/grid/../actuator/env}
 * (or {@code ..;}, {@code %2e%2e}, an encoded slash or backslash) would match the grid route here and
 * reach grid-service's actuator there. Such paths are rejected with 400.
 */
@Component
class RequestedPath implements WebFilter, Ordered {

    /** WebFlux labels every filter of every request with this (a checkpoint): a constant, not Object's hash. */
    @Override
    public String toString() {
        return "RequestedPath";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // right after SecurityHeaders, before anything reads the path
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        if (rawPath == null || isAmbiguous(rawPath)) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST));
        }
        return chain.filter(exchange);
    }

    static boolean isAmbiguous(String rawPath) {
        String lower = rawPath.toLowerCase();
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\") || lower.contains("%00")) {
            return true;
        }
        for (String segment : rawPath.split("/", -1)) {
            String decoded;
            try {
                decoded = StringUtils.uriDecode(segment, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformedEscape) {
                return true;
            }
            int parameters = decoded.indexOf(';');
            String name = parameters >= 0 ? decoded.substring(0, parameters) : decoded;
            if (name.equals(".") || name.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
