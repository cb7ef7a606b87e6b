package cn.lishui.police.platform.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reading behind gauges that costs a query (a count, or a grouping over a collection): taken when a scrape asks
 * for it and the last one is older than the period, then shared by every gauge that reads it within the period.
 * A busy scraper, or several Prometheus replicas, so cost the store one query per period, and gauges that are
 * one grouping's values (compatriots by country) cost one query together instead of one each.
 *
 * <p>A reading that fails is logged at debug (the health indicator reports a store that is down) and gives its
 * gauges NaN, Prometheus's "no value", until it is taken again after the period.
 */
public final class PeriodicReading<T> {

    /** The period of the platform's store-backed gauges: a scrape every 15 s reads the store every other time. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(PeriodicReading.class);

    private final Supplier<? extends T> source;
    private final long periodNanos;
    private final LongSupplier nanoTime;
    // guarded by this
    private T value;
    private long readAt;
    private boolean read;

    public PeriodicReading(Supplier<? extends T> source) {
        this(DEFAULT_PERIOD, source);
    }

    public PeriodicReading(Duration period, Supplier<? extends T> source) {
        this(period, source, System::nanoTime);
    }

    PeriodicReading(Duration period, Supplier<? extends T> source, LongSupplier nanoTime) {
        if (period.isNegative()) {
            throw new IllegalArgumentException("period must not be negative: " + period);
        }
        this.source = source;
        this.periodNanos = period.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The reading, taken again first if the last is older than the period; empty if that failed. */
    public synchronized Optional<T> get() {
        long now = nanoTime.getAsLong();
        if (!read || now - readAt >= periodNanos) {
            try {
                value = source.get();
            } catch (RuntimeException failed) {
                log.debug("Reading for gauges failed", failed);
                value = null;
            }
            readAt = now;
            read = true;
        }
        return Optional.ofNullable(value);
    }

    /** For a gauge: {@code of} the reading, or NaN without one. */
    public double gauge(ToDoubleFunction<? super T> of) {
        return get().map(reading -> of.applyAsDouble(reading)).orElse(Double.NaN);
    }
}
