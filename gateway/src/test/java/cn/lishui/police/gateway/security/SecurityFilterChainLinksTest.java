package cn.lishui.police.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityFilterChainLinksTest {

    private final List<String> calls = new ArrayList<>();
    private final ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/grid/regions"));

    private WebFilter recording(String name) {
        return (exchange, chain) -> {
            calls.add(name);
            return chain.filter(exchange);
        };
    }

    private final WebFilterChain rest = exchange -> {
        calls.add("rest");
        return Mono.empty();
    };

    @Test
    void theFiltersRunInTheirOrderAndThenTheRestOfTheChain() {
        WebFilterChain chain = new SecurityFilterChainLinks().decorate(rest, List.of(recording("a"), recording("b")));

        StepVerifier.create(chain.filter(exchange)).verifyComplete();

        assertThat(calls).containsExactly("a", "b", "rest");
    }

    @Test
    void aFilterThatDoesNotGoOnEndsTheRequestThere() {
        WebFilter answering = (exchange, chain) -> {
            calls.add("answering");
            return Mono.empty();
        };
        WebFilterChain chain = new SecurityFilterChainLinks().decorate(rest, List.of(recording("a"), answering, recording("b")));

        StepVerifier.create(chain.filter(exchange)).verifyComplete();

        assertThat(calls).containsExactly("a", "answering");
    }

    @Test
    void noFilterRunsBeforeItsPartOfTheChainIsSubscribedTo() {
        // as the bearer-token filter does: the rest of the chain assembled, then not subscribed to
        WebFilter assemblingOnly = (exchange, chain) -> {
            Mono<Void> notTaken = chain.filter(exchange);
            calls.add("assembled " + (notTaken != null));
            return Mono.empty();
        };
        WebFilterChain chain = new SecurityFilterChainLinks().decorate(rest, List.of(assemblingOnly, recording("b")));

        Mono<Void> request = chain.filter(exchange);
        assertThat(calls).isEmpty();
        StepVerifier.create(request).verifyComplete();

        assertThat(calls).containsExactly("assembled true");
    }

    @Test
    void aFilterThatThrowsFailsTheRequestWithItsError() {
        WebFilter throwing = (exchange, chain) -> {
            throw new IllegalStateException("broken filter");
        };
        WebFilterChain chain = new SecurityFilterChainLinks().decorate(rest, List.of(recording("a"), throwing));

        StepVerifier.create(chain.filter(exchange)).expectErrorMessage("broken filter").verify();
        assertThat(calls).containsExactly("a");
    }

    @Test
    void theLinksAreInstalledOnlyWhereSpringSecurityDoesNotObserveRequests() {
        assertThat(decoratorAfterInstalling(SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build()))
                .isInstanceOf(SecurityFilterChainLinks.class);
        assertThat(decoratorAfterInstalling(null)).as("Spring Security's defaults").isInstanceOf(SecurityFilterChainLinks.class);
        assertThat(decoratorAfterInstalling(SecurityObservationSettings.withDefaults().shouldObserveRequests(true).build()))
                .isNotInstanceOf(SecurityFilterChainLinks.class);
    }

    private static Object decoratorAfterInstalling(SecurityObservationSettings settings) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (settings != null) {
            beans.addBean("settings", settings);
        }
        WebFilterChainProxy proxy = new WebFilterChainProxy(
                new MatcherSecurityWebFilterChain(ServerWebExchangeMatchers.anyExchange(), List.of((exchange, chain) -> chain.filter(exchange))));
        SecurityFilterChainLinks.installer(beans.getBeanProvider(SecurityObservationSettings.class))
                .postProcessAfterInitialization(proxy, "springSecurityWebFilterChainFilter");
        return ReflectionTestUtils.getField(proxy, "filterChainDecorator");
    }
}
