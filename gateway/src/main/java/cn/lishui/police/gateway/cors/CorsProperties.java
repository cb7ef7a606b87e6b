package cn.lishui.police.gateway.cors;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The browser origins allowed to call the suite ({@code fengqiao.gateway.cors}). Credentials (cookies)
 * are never allowed cross-origin: the API takes bearer tokens. None by default: the web pages are served by
 * the gateway itself (same origin); a deployment behind a TLS proxy names its public origin, which the
 * gateway cannot see (deploy/k8s/overlays/production), and a front end developed on its own dev server names
 * that server.
 */
@ConfigurationProperties("fengqiao.gateway.cors")
record CorsProperties(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}) List<String> allowedMethods,
        @DefaultValue({"Authorization", "Content-Type", "Accept", "Accept-Language", "Idempotency-Key", "If-Match",
            "If-None-Match"}) List<String> allowedHeaders,
        @DefaultValue({"Location", "ETag", "Retry-After", "X-RateLimit-Remaining"}) List<String> exposedHeaders,
        @DefaultValue("30m") Duration maxAge) {
}
