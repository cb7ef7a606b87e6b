package cn.lishui.police.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.util.StringUtils;

/**
 * The beans behind the {@code RequestRateLimiter} default filter of every route (application.yml): the
 * caller key and {@code callerRateLimiter}, whose buckets live where {@code fengqiao.gateway.rate-limit.store}
 * says: {@code memory} (the default: one gateway instance, its own buckets) or {@code redis} (Spring Cloud
 * Gateway's {@link RedisRateLimiter} on {@code spring.data.redis.*}, shared by every gateway instance).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    CallerKeyResolver callerKeyResolver(GatewayProperties gateway) {
        String trusted = gateway.getTrustedProxies();
        return new CallerKeyResolver(StringUtils.hasText(trusted) ? TrustedProxies.from(trusted) : null);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "fengqiao.gateway.rate-limit.store", havingValue = "memory", matchIfMissing = true)
    static class InMemory {

        @Bean
        @Primary // the filter factory's default; Spring Cloud Gateway also defines a RedisRateLimiter bean
        InMemoryRateLimiter callerRateLimiter(RateLimitProperties properties, ConfigurationService configurationService) {
            InMemoryRateLimiter.Config defaults = new InMemoryRateLimiter.Config()
                    .setReplenishRate(properties.replenishPerSecond())
                    .setBurstCapacity(properties.burst());
            return new InMemoryRateLimiter(defaults, new TokenBuckets(properties.maxKeys(), System::nanoTime),
                    configurationService);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "fengqiao.gateway.rate-limit.store", havingValue = "redis")
    static class Redis {

        /** Replaces the auto-configured one (which has no budget) with the configured budget. */
        @Bean
        RedisRateLimiter redisRateLimiter(RateLimitProperties properties) {
            RedisBudget budget = RedisBudget.of(properties.replenishPerSecond(), properties.burst());
            // its template, script and configuration service come from the context (ApplicationContextAware)
            return new RedisRateLimiter(budget.replenishRate(), budget.burstCapacity(), budget.requestedTokens());
        }

        @Bean
        @Primary
        RetryAfterRateLimiter callerRateLimiter(RedisRateLimiter redisRateLimiter, RateLimitProperties properties) {
            return new RetryAfterRateLimiter(redisRateLimiter,
                    RedisBudget.of(properties.replenishPerSecond(), properties.burst()));
        }
    }
}
