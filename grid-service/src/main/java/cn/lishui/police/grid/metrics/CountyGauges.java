package cn.lishui.police.grid.metrics;

import java.util.function.ToLongFunction;

import cn.lishui.police.platform.metrics.PeriodicReading;
import cn.lishui.police.platform.region.LishuiCounty;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges with one time series per county of Lishui (the {@code county} tag, nine values: low
 * cardinality). A scrape reads the store at most once per {@link PeriodicReading#DEFAULT_PERIOD} per series, so
 * a busy scraper does not turn into a stream of counts.
 */
public final class CountyGauges {

    private CountyGauges() {
    }

    /** Registers {@code name{county=...}} (plus the extra tags) counting with {@code count(countyCode)}. */
    public static void register(MeterRegistry registry, String name, String description, Tags tags,
                                ToLongFunction<String> count) {
        for (LishuiCounty county : LishuiCounty.values()) {
            PeriodicReading<Long> reading = new PeriodicReading<>(() -> count.applyAsLong(county.code()));
            Gauge.builder(name, reading, counted -> counted.gauge(Long::doubleValue)).description(description)
                    .tags(tags.and("county", county.code())).strongReference(true).register(registry);
        }
    }
}
