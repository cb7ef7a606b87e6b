package cn.lishui.police.gateway.cache;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's cache of public reads: see {@link PublicResponseCache}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResponseCacheProperties.class)
class ResponseCacheConfiguration {

    private final PublicResponseCache cache;

    ResponseCacheConfiguration(ResponseCacheProperties properties, MeterRegistry meters) {
        this.cache = new PublicResponseCache(properties, meters, System::nanoTime);
    }

    @Bean
    PublicResponseCacheGatewayFilterFactory publicResponseCacheGatewayFilterFactory() {
        return new PublicResponseCacheGatewayFilterFactory(cache);
    }

    @Bean
    GlobalFilter publicResponseCaptureInstaller() {
        return cache.captureInstaller();
    }
}
