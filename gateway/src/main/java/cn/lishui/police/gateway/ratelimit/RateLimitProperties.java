package cn.lishui.police.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The default rate limit of every route ({@code fengqiao.gateway.rate-limit}): a token bucket per caller
 * and route that holds {@code burst} requests and refills {@code replenishPerSecond} of them a second.
 *
 * @param maxKeys the most buckets kept in memory; idle ones are dropped long before (see {@link TokenBuckets})
 * @param store   where the buckets live: {@code memory} (this instance) or {@code redis} (shared by every instance,
 *                on {@code spring.data.redis.*}); see {@link RateLimitConfiguration}
 */
@ConfigurationProperties("fengqiao.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("50") double replenishPerSecond, @DefaultValue("100") long burst,
                           @DefaultValue("100000") int maxKeys, @DefaultValue("memory") Store store) {

    enum Store { MEMORY, REDIS }

    RateLimitProperties {
        if (!(replenishPerSecond > 0) || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("fengqiao.gateway.rate-limit needs replenish-per-second > 0, "
                    + "burst >= 1 and max-keys >= 1");
        }
    }
}
