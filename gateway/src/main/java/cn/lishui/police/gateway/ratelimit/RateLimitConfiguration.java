package cn.lishui.police.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The beans behind the {@code RequestRateLimiter} default filter of every route (application.yml):
 * the caller key and the in-memory token buckets. A distributed limiter (Spring's
 * {@code RedisRateLimiter}) is not wired: one gateway instance keeps its own buckets.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    InMemoryRateLimiter inMemoryRateLimiter(RateLimitProperties properties, ConfigurationService configurationService) {
        InMemoryRateLimiter.Config defaults = new InMemoryRateLimiter.Config()
                .setReplenishRate(properties.replenishPerSecond())
                .setBurstCapacity(properties.burst());
        return new InMemoryRateLimiter(defaults, new TokenBuckets(properties.maxKeys(), System::nanoTime),
                configurationService);
    }

    @Bean
    CallerKeyResolver callerKeyResolver(GatewayProperties gateway) {
        String trusted = gateway.getTrustedProxies();
        return new CallerKeyResolver(StringUtils.hasText(trusted) ? TrustedProxies.from(trusted) : null);
    }
}
