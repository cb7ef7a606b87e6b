package cn.lishui.police.gateway.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.WebFilterChainProxy.WebFilterChainDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Links Spring Security's filters for each request without a Reactor checkpoint per filter. Spring Security's own
 * links ({@code DefaultWebFilterChain}) label every filter of every request with {@code checkpoint(filter.toString())}:
 * for its filters, wrapped in {@code OrderedWebFilter}, that is two {@code Object.toString()} and a concatenation per
 * filter (4.8 % of the bytes the gateway allocated per forwarded request, docs/benchmarks.md session 10) and one more
 * operator each request's signals pass through, for assembly labels in the stack trace of an error, which the
 * gateway's problem answers and logs do not show. Each link still defers its filter until it is subscribed to, as
 * Spring's does: a filter that assembles the rest of the chain without subscribing to it (the bearer-token filter,
 * for one) does not run the filters behind it.
 *
 * <p>Only where Spring Security does not observe requests ({@link SecurityObservationSettings}: its default, and
 * the platform's): where it does, its links are an observing decorator, which these would replace.
 */
final class SecurityFilterChainLinks implements WebFilterChainDecorator {

    @Override
    public WebFilterChain decorate(WebFilterChain original, List<WebFilter> filters) {
        return new Link(filters, 0, original);
    }

    /** The chain from the filter at {@code index} on; past the last filter, {@code rest}. */
    private record Link(List<WebFilter> filters, int index, WebFilterChain rest) implements WebFilterChain {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange) {
            return Mono.defer(() -> index < filters.size()
                    ? filters.get(index).filter(exchange, new Link(filters, index + 1, rest))
                    : rest.filter(exchange));
        }
    }

    /** Gives Spring Security's {@link WebFilterChainProxy} these links when its requests are not observed. */
    static BeanPostProcessor installer(ObjectProvider<SecurityObservationSettings> settings) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof WebFilterChainProxy proxy) {
                    // as Spring Security reads them: without settings, its defaults (requests not observed)
                    SecurityObservationSettings observed =
                            settings.getIfAvailable(() -> SecurityObservationSettings.withDefaults().build());
                    if (!observed.shouldObserveRequests()) {
                        proxy.setFilterChainDecorator(new SecurityFilterChainLinks());
                    }
                }
                return bean;
            }
        };
    }
}
