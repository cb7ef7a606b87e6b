package cn.lishui.police.gateway.ratelimit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Token buckets by key, in memory, with bounded memory. A bucket that has been idle long enough to be
 * full again behaves exactly like a new one, so it is dropped (every few seconds, and whenever the map
 * reaches {@code maxKeys}); only when more than {@code maxKeys} callers are mid-burst at once are the
 * buckets nearest to full dropped early, which forgives them the least. Time is a nanosecond clock,
 * given so that tests need not sleep.
 */
final class TokenBuckets {

    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final double NANOS_PER_SECOND = 1e9;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile long nextSweep;

    TokenBuckets(int maxKeys, LongSupplier nanoClock) {
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
        this.nextSweep = nanoClock.getAsLong() + SWEEP_INTERVAL_NANOS;
    }

    /** Takes one token from the bucket of {@code key}, a new full one if it has none. */
    Decision take(String key, double replenishPerSecond, long burst) {
        long now = nanoClock.getAsLong();
        if (now - nextSweep >= 0 || buckets.size() >= maxKeys) {
            sweep(now);
        }
        return buckets.computeIfAbsent(key, unused -> new Bucket(burst, now)).take(now, replenishPerSecond, burst);
    }

    int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            nextSweep = now + SWEEP_INTERVAL_NANOS;
            // a request that took its token from a bucket just as it was dropped is the only one not
            // counted: a full bucket had a token for it anyway
            buckets.entrySet().removeIf(entry -> entry.getValue().isFullAt(now));
            if (buckets.size() >= maxKeys) {
                dropNearestToFull(buckets.size() - maxKeys + Math.max(1, maxKeys / 10));
            }
        } finally {
            sweeping.set(false);
        }
    }

    private void dropNearestToFull(int count) {
        record Candidate(String key, Bucket bucket, long fullAt) {
        }
        List<Candidate> candidates = new ArrayList<>(buckets.size());
        buckets.forEach((key, bucket) -> candidates.add(new Candidate(key, bucket, bucket.fullAt())));
        candidates.sort(Comparator.comparingLong(Candidate::fullAt));
        candidates.stream().limit(count).forEach(candidate -> buckets.remove(candidate.key(), candidate.bucket()));
    }

    private static final class Bucket {

        private double tokens;
        private long updatedAt;
        private long fullAt;

        Bucket(long burst, long now) {
            this.tokens = burst;
            this.updatedAt = now;
            this.fullAt = now;
        }

        synchronized Decision take(long now, double replenishPerSecond, long burst) {
            double elapsedSeconds = Math.max(0, now - updatedAt) / NANOS_PER_SECOND;
            tokens = Math.min(burst, tokens + elapsedSeconds * replenishPerSecond);
            updatedAt = now;
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            double secondsToFull = (burst - tokens) / replenishPerSecond;
            fullAt = now + (long) Math.min(Long.MAX_VALUE / 4, Math.ceil(secondsToFull * NANOS_PER_SECOND));
            long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / replenishPerSecond));
            return new Decision(allowed, (long) Math.floor(tokens), retryAfter);
        }

        synchronized long fullAt() {
            return fullAt;
        }

        synchronized boolean isFullAt(long now) {
            return now - fullAt >= 0;
        }
    }
}
