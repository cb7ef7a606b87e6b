package cn.lishui.police.gateway.ratelimit;

import cn.lishui.police.gateway.problem.GatewayProblems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns a refusal of the {@code RequestRateLimiter} filter into a 429 problem body. Left alone the
 * filter answers an empty 429; with {@code throw-on-limit} it raises an exception instead, after it has
 * put its headers ({@code Retry-After}, {@code X-RateLimit-*}) on the response, and this filter, first
 * of every route's chain, answers that with {@code TOO_MANY_REQUESTS}.
 */
@Component
class TooManyRequestsProblem implements GlobalFilter, Ordered {

    private final GatewayProblems problems;

    TooManyRequestsProblem(GatewayProblems problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(TooManyRequestsProblem::isRateLimited,
                limited -> problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS"));
    }

    private static boolean isRateLimited(Throwable error) {
        return error instanceof HttpClientErrorException.TooManyRequests;
    }
}
