package cn.lishui.police.grid.metrics;

import java.time.Duration;
import java.util.function.ToLongFunction;

import cn.lishui.police.platform.region.LishuiCounty;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges with one time series per county of Lishui (the {@code county} tag, nine values: low
 * cardinality). A scrape reads the store at most once per {@link #CACHE} per series, so a busy
 * scraper does not turn into a stream of counts.
 */
public final class CountyGauges {

    public static final Duration CACHE = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(CountyGauges.class);

    private CountyGauges() {
    }

    /** Registers {@code name{county=...}} (plus the extra tags) counting with {@code count(countyCode)}. */
    public static void register(MeterRegistry registry, String name, String description, Tags tags,
                                ToLongFunction<String> count) {
        for (LishuiCounty county : LishuiCounty.values()) {
            CachedCount cached = new CachedCount(() -> count.applyAsLong(county.code()));
            Gauge.builder(name, cached, CachedCount::value).description(description)
                    .tags(tags.and("county", county.code())).strongReference(true).register(registry);
        }
    }

    private static final class CachedCount {

        private final java.util.function.LongSupplier source;
        private volatile double value = Double.NaN;
        private volatile long readAt;
        private volatile boolean read;

        CachedCount(java.util.function.LongSupplier source) {
            this.source = source;
        }

        double value() {
            long now = System.nanoTime();
            if (!read || now - readAt > CACHE.toNanos()) {
                try {
                    value = source.getAsLong();
                } catch (RuntimeException failed) {
                    log.debug("Gauge read failed", failed);
                    value = Double.NaN;
                }
                readAt = now;
                read = true;
            }
            return value;
        }
    }
}
