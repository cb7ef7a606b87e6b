package cn.lishui.police.gateway.cors;

import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway alone answers CORS: {@code Access-Control-*} headers of a service's response are dropped,
 * so a browser never sees two (or conflicting) answers.
 *
 * <p>Whether there is anything to drop is asked by name, for the response headers of the CORS protocol (Fetch
 * standard): a lookup each, where a walk over the names would first build a case-insensitive map of all of them
 * (Spring Framework 7's {@code headerNames()}), on every forwarded answer. An answer that has one of them loses
 * every {@code Access-Control-*} header.
 */
@Component
class UpstreamCorsHeaders implements HttpHeadersFilter {

    /** The response headers of the CORS protocol, lower case (a lookup with them converts no name). */
    private static final List<String> CORS_RESPONSE_HEADERS = List.of("access-control-allow-origin",
            "access-control-allow-credentials", "access-control-allow-methods", "access-control-allow-headers",
            "access-control-expose-headers", "access-control-max-age", "access-control-allow-private-network");

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (!hasCorsHeader(input)) {
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

    private static boolean hasCorsHeader(HttpHeaders headers) {
        for (String name : CORS_RESPONSE_HEADERS) {
            if (headers.containsHeader(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCors(String name) {
        return name.regionMatches(true, 0, "access-control-", 0, "access-control-".length());
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }
}
