package cn.lishui.police.platform.idempotency;

import java.time.Clock;

import cn.lishui.police.platform.config.PlatformWebMvcAutoConfiguration;
import cn.lishui.police.platform.web.ProblemWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Idempotency-Key on every POST of a servlet service that has a MongoDB store. */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, PlatformWebMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({MongoTemplate.class, ProblemWriter.class})
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(MongoTemplate mongo, IdempotencyProperties properties,
                                                               ProblemWriter problemWriter) {
        IdempotencyStore store = new IdempotencyStore(mongo, properties.ttl(), Clock.systemUTC());
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(store, problemWriter, properties.inFlightWait()));
        registration.setOrder(PlatformWebMvcAutoConfiguration.IDEMPOTENCY_FILTER_ORDER);
        return registration;
    }
}
