package cn.lishui.police.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The security headers of every response that leaves the gateway, whether a service wrote it or the
 * gateway did (401, 403, 413, 429, 503 problems): no MIME sniffing, no framing, no referrer to other sites
 * ({@code same-origin}: with {@code no-referrer} a browser posts a page's form, the sign-in form, with
 * {@code Origin: null}, which the CORS policy must refuse), HSTS on
 * HTTPS, and for everything that is not an HTML page (the API: JSON, problem bodies) a content security
 * policy that allows nothing. HTML pages keep the policy their service gives them (the identity
 * service's sign-in page); the web module's pages, which come with none, get {@link #WEB_CONTENT_SECURITY_POLICY}:
 * scripts, styles, images and calls from the gateway's own origin only (no CDN, no inline script, no eval).
 * An answer under {@code /api/} that says nothing about caching gets {@code Cache-Control: no-store}: it is
 * personal data or the caller's own view unless its service says otherwise, as the catalogue's public reads do
 * ({@code public, max-age}, kept by the gateway's own cache too); a service's {@code Cache-Control} is left as it is.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String WEB_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; "
            + "frame-ancestors 'none'";
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    /** WebFlux labels every filter of every request with this (a checkpoint): a constant, not Object's hash. */
    @Override
    public String toString() {
        return "SecurityHeaders";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // first, so that even the earliest rejection carries them
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            write(exchange.getRequest(), exchange.getResponse().getHeaders());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static void write(ServerHttpRequest request, HttpHeaders headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        if (request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme())) {
            headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        if (!isHtml(headers)) {
            headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
        } else if (headers.getFirst("Content-Security-Policy") == null) {
            headers.set("Content-Security-Policy", WEB_CONTENT_SECURITY_POLICY);
        }
        if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)
                && request.getPath().pathWithinApplication().value().startsWith("/api/")) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private static boolean isHtml(HttpHeaders headers) {
        try {
            MediaType contentType = headers.getContentType();
            return contentType != null && MediaType.TEXT_HTML.isCompatibleWith(contentType);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
