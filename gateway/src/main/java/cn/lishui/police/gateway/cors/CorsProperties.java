package cn.lishui.police.gateway.cors;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The browser origins allowed to call the suite ({@code fengqiao.gateway.cors}). Credentials (cookies)
 * are never allowed cross-origin: the API takes bearer tokens.
 */
@ConfigurationProperties("fengqiao.gateway.cors")
record CorsProperties(
        @DefaultValue({"http://127.0.0.1:5173", "http://localhost:5173"}) List<String> allowedOrigins,
        @DefaultValue({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}) List<String> allowedMethods,
        @DefaultValue({"Authorization", "Content-Type", "Accept", "Accept-Language", "Idempotency-Key", "If-Match",
            "If-None-Match"}) List<String> allowedHeaders,
        @DefaultValue({"Location", "ETag", "Retry-After", "X-RateLimit-Remaining"}) List<String> exposedHeaders,
        @DefaultValue("30m") Duration maxAge) {
}
