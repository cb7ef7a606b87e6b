package cn.lishui.police.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What Spring Security observes, in every service and the gateway. It observes every request it filters (a timer,
 * events and a span around the filter chain and each filter) and every authorization, when an observation registry
 * exists: on the overseas portal's list that was about half the bytes allocated per request (92 -> 38 KiB with all
 * of them off) and ~15 % of the request threads' CPU (docs/benchmarks.md, "s6-overseas"); at the gateway it doubled
 * the observations per request. No operator's question needs them: the request itself is observed as
 * {@code http.server.requests} with its span (and at the gateway the call to the service as its client span).
 * Authentications (a bearer token checked) stay observed.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityObservationSettings.class)
public class SecurityObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthorizations(false)
                .shouldObserveAuthentications(true)
                .build();
    }
}
