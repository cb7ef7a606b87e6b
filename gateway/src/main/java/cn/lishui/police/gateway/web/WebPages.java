package cn.lishui.police.gateway.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The web module's pages (the jar's {@code static/}): Boot serves the overseas portal's
 * {@code index.html} at {@code /} and every asset under {@code /assets/}; this filter serves the
 * operator console's {@code console/index.html} at {@code /console/} and sends {@code /console} there
 * (so that the page is its own OAuth redirect URI and relative links resolve). Both come from the
 * configured static locations, so a developer can serve the pages from the working tree with
 * {@code SPRING_WEB_RESOURCES_STATIC_LOCATIONS=file:web/src/main/resources/static/}. The routes to the
 * services take precedence; none of their paths starts like these.
 */
@Component
class WebPages implements WebFilter, Ordered {

    /** WebFlux labels every filter of every request with this (a checkpoint): a constant, not Object's hash. */
    @Override
    public String toString() {
        return "WebPages";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10; // after SecurityHeaders, before security and routing
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals("/console")) {
            exchange.getResponse().setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            exchange.getResponse().getHeaders().setLocation(URI.create("/console/"));
            return exchange.getResponse().setComplete();
        }
        if (path.equals("/console/")) {
            return chain.filter(exchange.mutate()
                    .request(request -> request.path("/console/index.html")).build());
        }
        return chain.filter(exchange);
    }
}
