package cn.lishui.police.platform.feign;

import feign.Feign;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Feign defaults for every client of every service: retries only where safe, transient statuses
 * retryable. Timeouts and circuit-breaker settings per client name are properties
 * ({@code fengqiao-platform-defaults.properties}), overridable per client in {@code application.yml}.
 */
@AutoConfiguration
@ConditionalOnClass(Feign.class)
public class FeignPlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Retryer feignRetryer() {
        return new IdempotentCallRetryer(100, 1000, 3);
    }

    @Bean
    @ConditionalOnMissingBean
    ErrorDecoder feignErrorDecoder() {
        return new RetryableStatusErrorDecoder();
    }
}
