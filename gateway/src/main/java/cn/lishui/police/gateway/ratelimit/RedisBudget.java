package cn.lishui.police.gateway.ratelimit;

/**
 * The configured budget ({@code replenish-per-second}, {@code burst}) in the whole tokens Spring's
 * {@code RedisRateLimiter} counts: a rate below one request a second becomes one token a second with
 * each request costing {@code requestedTokens} of them (0.2/s: 5 tokens a request), the burst scaled alike.
 */
record RedisBudget(int replenishRate, long burstCapacity, int requestedTokens) {

    static RedisBudget of(double replenishPerSecond, long burst) {
        if (replenishPerSecond >= 1) {
            return new RedisBudget((int) Math.min(Integer.MAX_VALUE, Math.round(replenishPerSecond)), burst, 1);
        }
        int cost = (int) Math.ceil(1 / replenishPerSecond);
        return new RedisBudget(1, burst * cost, cost);
    }

    /** Requests still allowed now, for {@code remainingTokens} tokens left in the bucket. */
    long requests(long remainingTokens) {
        return Math.max(0, remainingTokens) / requestedTokens;
    }

    /** Whole seconds until one more request is allowed, for {@code remainingTokens} tokens left. */
    long secondsUntilNext(long remainingTokens) {
        long missing = requestedTokens - Math.max(0, remainingTokens);
        return Math.max(1, (missing + replenishRate - 1) / replenishRate);
    }
}
