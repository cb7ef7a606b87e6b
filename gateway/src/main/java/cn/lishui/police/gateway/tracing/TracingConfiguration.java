package cn.lishui.police.gateway.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.observation.ObservedRequestHttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The trace context of the gateway's calls to the services: see {@link TraceContextRelay}. */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    /** Replaces Spring Cloud Gateway's own (its auto-configuration backs off when this bean exists). */
    @Bean
    ObservedRequestHttpHeadersFilter observedRequestHttpHeadersFilter(ObservationRegistry registry,
                                                                      ObjectProvider<Propagator> propagator) {
        return new TraceContextRelay(registry, propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
