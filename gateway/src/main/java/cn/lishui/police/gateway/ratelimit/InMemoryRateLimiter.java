package cn.lishui.police.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.cloud.gateway.filter.ratelimit.AbstractRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import reactor.core.publisher.Mono;

/**
 * The rate limiter of Spring Cloud Gateway's {@code RequestRateLimiter} filter when no Redis is
 * configured: a token bucket per route and caller in this process ({@link TokenBuckets}). The answer
 * carries the same {@code X-RateLimit-*} headers as Spring's {@code RedisRateLimiter}, and, when it
 * refuses, {@code Retry-After} in whole seconds. A route may override the defaults with the filter args
 * {@code in-memory-rate-limiter.replenish-rate} and {@code in-memory-rate-limiter.burst-capacity}.
 */
public class InMemoryRateLimiter extends AbstractRateLimiter<InMemoryRateLimiter.Config> {

    public static final String CONFIGURATION_PROPERTY_NAME = "in-memory-rate-limiter";

    private final Config defaults;
    private final TokenBuckets buckets;

    InMemoryRateLimiter(Config defaults, TokenBuckets buckets, ConfigurationService configurationService) {
        super(Config.class, CONFIGURATION_PROPERTY_NAME, configurationService);
        this.defaults = defaults;
        this.buckets = buckets;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        Config config = getConfig().getOrDefault(routeId, defaults);
        TokenBuckets.Decision decision = buckets.take(routeId + ' ' + id, config.getReplenishRate(),
                config.getBurstCapacity());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        headers.put("X-RateLimit-Burst-Capacity", Long.toString(config.getBurstCapacity()));
        headers.put("X-RateLimit-Replenish-Rate", format(config.getReplenishRate()));
        if (!decision.allowed()) {
            headers.put("Retry-After", Long.toString(decision.retryAfterSeconds()));
        }
        return Mono.just(new Response(decision.allowed(), headers));
    }

    @Override
    public Config newConfig() {
        // a route that overrides one value keeps the default of the other
        return new Config().setReplenishRate(defaults.getReplenishRate()).setBurstCapacity(defaults.getBurstCapacity());
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    public static class Config {

        private double replenishRate;
        private long burstCapacity;

        public double getReplenishRate() {
            return replenishRate;
        }

        public Config setReplenishRate(double replenishRate) {
            this.replenishRate = replenishRate;
            return this;
        }

        public long getBurstCapacity() {
            return burstCapacity;
        }

        public Config setBurstCapacity(long burstCapacity) {
            this.burstCapacity = burstCapacity;
            return this;
        }

        @Override
        public String toString() {
            return "Config{replenishRate=" + replenishRate + ", burstCapacity=" + burstCapacity + '}';
        }
    }
}
