package cn.lishui.police.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * Spring's {@link RedisRateLimiter} as the callers see the in-memory one: its {@code X-RateLimit-*}
 * headers in requests (not the scaled tokens of {@link RedisBudget}), and {@code Retry-After} when it
 * refuses, which Spring's does not send. When Redis cannot be reached, Spring's limiter lets the request
 * through (and logs it): an outage of the shared store never takes the gateway down with it.
 */
final class RetryAfterRateLimiter implements RateLimiter<RedisRateLimiter.Config> {

    private final RedisRateLimiter delegate;
    private final RedisBudget budget;

    RetryAfterRateLimiter(RedisRateLimiter delegate, RedisBudget budget) {
        this.delegate = delegate;
        this.budget = budget;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return delegate.isAllowed(routeId, id).map(this::inRequests);
    }

    private Response inRequests(Response response) {
        Map<String, String> headers = new LinkedHashMap<>(response.getHeaders());
        String remainingHeader = headers.remove(delegate.getRemainingHeader());
        headers.remove(delegate.getRequestedTokensHeader());
        if (remainingHeader == null || remainingHeader.equals("-1")) {
            return new Response(response.isAllowed(), headers); // Redis unreachable: let through, no figures
        }
        long remainingTokens = Long.parseLong(remainingHeader);
        headers.put(delegate.getRemainingHeader(), Long.toString(budget.requests(remainingTokens)));
        headers.put(delegate.getBurstCapacityHeader(), Long.toString(budget.burstCapacity() / budget.requestedTokens()));
        headers.put(delegate.getReplenishRateHeader(), rate());
        if (!response.isAllowed()) {
            headers.put("Retry-After", Long.toString(budget.secondsUntilNext(remainingTokens)));
        }
        return new Response(response.isAllowed(), headers);
    }

    private String rate() {
        double perSecond = (double) budget.replenishRate() / budget.requestedTokens();
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }

    @Override
    public Map<String, RedisRateLimiter.Config> getConfig() {
        return delegate.getConfig();
    }

    @Override
    public Class<RedisRateLimiter.Config> getConfigClass() {
        return delegate.getConfigClass();
    }

    @Override
    public RedisRateLimiter.Config newConfig() {
        return delegate.newConfig();
    }
}
