package cn.lishui.police.gateway.cors;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway alone answers CORS: {@code Access-Control-*} headers of a service's response are dropped,
 * so a browser never sees two (or conflicting) answers.
 */
@Component
class UpstreamCorsHeaders implements HttpHeadersFilter {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (input.headerNames().stream().noneMatch(UpstreamCorsHeaders::isCors)) {
            return input; // the usual case: no copy of every header per response
        }
        HttpHeaders kept = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isCors(name)) {
                kept.addAll(name, values);
            }
        });
        return kept;
    }

    private static boolean isCors(String name) {
        return name.regionMatches(true, 0, "access-control-", 0, "access-control-".length());
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }
}
