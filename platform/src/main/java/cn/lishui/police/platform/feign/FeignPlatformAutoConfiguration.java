package cn.lishui.police.platform.feign;

import java.net.URI;
import java.time.Clock;

import feign.Feign;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.RestClient;

/**
 * Feign defaults for every client of every service: retries only where safe, transient statuses
 * retryable, a bearer token on every call (the user's, relayed, or the service's own), the user's language
 * relayed. Timeouts and circuit-breaker settings per client name are properties
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

    @Bean
    @ConditionalOnMissingBean
    LanguageRelay languageRelay() {
        return new LanguageRelay();
    }

    /** Token relay for services that are resource servers (all of them, once secured). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JwtAuthenticationToken.class)
    static class TokenRelay {

        @Bean
        @ConditionalOnMissingBean
        BearerTokenRelay bearerTokenRelay(Environment environment, ObjectProvider<RestClient.Builder> http) {
            String secret = environment.getProperty("fengqiao.service-client.secret");
            if (secret == null || secret.isBlank()) {
                return new BearerTokenRelay((ServiceTokens) null);
            }
            String clientId = environment.getProperty("fengqiao.service-client.id",
                    environment.getProperty("spring.application.name"));
            URI tokenUri = URI.create(environment.getProperty("fengqiao.service-client.token-uri",
                    "http://127.0.0.1:9000/oauth2/token"));
            return new BearerTokenRelay(new ServiceTokens(http.getIfAvailable(RestClient::builder), tokenUri, clientId,
                    secret, Clock.systemUTC()));
        }
    }
}
