package cn.lishui.police.gateway.cors;

import cn.lishui.police.gateway.problem.GatewayProblems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the front ends, before authentication (a preflight carries no token): a preflight from an
 * allowed origin is answered here and goes no further; a cross-origin request from any other origin, or
 * a preflight asking for a method or header that is not allowed, is refused with a 403 problem
 * ({@code CORS_NOT_ALLOWED}) rather than an empty 403. Same-origin and non-browser requests (no
 * {@code Origin}) pass untouched.
 */
@Component
@EnableConfigurationProperties(CorsProperties.class)
class CorsPolicy implements WebFilter, Ordered {

    static final int ORDER = -200; // after SecurityHeaders and RequestedPath, before Spring Security (-100)

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final GatewayProblems problems;

    CorsPolicy(CorsProperties properties, GatewayProblems problems) {
        this.problems = problems;
        this.configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(properties.allowedOrigins());
        configuration.setAllowedMethods(properties.allowedMethods());
        configuration.setAllowedHeaders(properties.allowedHeaders());
        configuration.setExposedHeaders(properties.exposedHeaders());
        configuration.setMaxAge(properties.maxAge());
        configuration.setAllowCredentials(false);
    }

    /** WebFlux labels every filter of every request with this (a checkpoint): a constant, not Object's hash. */
    @Override
    public String toString() {
        return "CorsPolicy";
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!CorsUtils.isCorsRequest(request)) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, "CORS_NOT_ALLOWED");
        }
        if (CorsUtils.isPreFlightRequest(request)) {
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }
}
