package cn.lishui.police.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param ttl          how long a key is remembered; never less than 24 h (ARCHITECTURE.md §3)
 * @param inFlightWait how long a repeat waits for the first request with its key before a 409
 */
@ConfigurationProperties("fengqiao.idempotency")
public record IdempotencyProperties(Duration ttl, Duration inFlightWait) {

    private static final Duration MINIMUM_TTL = Duration.ofHours(24);

    public IdempotencyProperties {
        ttl = ttl == null ? MINIMUM_TTL : ttl;
        if (ttl.compareTo(MINIMUM_TTL) < 0) {
            throw new IllegalArgumentException("fengqiao.idempotency.ttl must be at least 24h, was " + ttl);
        }
        inFlightWait = inFlightWait == null ? Duration.ofSeconds(10) : inFlightWait;
    }
}
