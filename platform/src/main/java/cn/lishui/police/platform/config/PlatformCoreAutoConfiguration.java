package cn.lishui.police.platform.config;

import cn.lishui.police.platform.error.ProblemFactory;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;

/** What every deployable shares, servlet or reactive: trace ids and the problem-body factory. */
@AutoConfiguration
public class PlatformCoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TraceIds traceIds(ObjectProvider<Tracer> tracer) {
        return new TraceIds(tracer);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemFactory problemFactory(MessageSource messageSource, TraceIds traceIds) {
        return new ProblemFactory(messageSource, traceIds);
    }
}
