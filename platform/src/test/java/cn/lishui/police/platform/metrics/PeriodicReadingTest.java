package cn.lishui.police.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class PeriodicReadingTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger queries = new AtomicInteger();

    @Test
    void gaugesReadingOneGroupingWithinThePeriodCostOneQuery() {
        PeriodicReading<Map<String, Long>> byCountry = new PeriodicReading<>(Duration.ofSeconds(30), () -> {
            queries.incrementAndGet();
            return Map.of("IT", 3L + queries.get(), "ES", 2L);
        }, now::get);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        for (String country : new String[] {"IT", "ES", "FR"}) {
            Gauge.builder("compatriots", byCountry, reading -> reading.gauge(counts -> counts.getOrDefault(country, 0L)))
                    .tag("country", country).register(registry);
        }

        assertThat(value(registry, "IT")).isEqualTo(4);
        assertThat(value(registry, "ES")).isEqualTo(2);
        assertThat(value(registry, "FR")).isZero();
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(value(registry, "IT")).as("within the period: the same reading").isEqualTo(4);
        assertThat(queries).hasValue(1);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(value(registry, "IT")).as("after the period: read again").isEqualTo(5);
        assertThat(queries).hasValue(2);
    }

    @Test
    void aFailedReadingIsNaNUntilThePeriodHasPassed() {
        AtomicInteger calls = new AtomicInteger();
        PeriodicReading<Long> count = new PeriodicReading<>(Duration.ofSeconds(30), () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("store unavailable");
            }
            return 7L;
        }, now::get);

        assertThat(count.gauge(Long::doubleValue)).isNaN();
        assertThat(count.get()).isEmpty();
        assertThat(calls).as("not retried within the period").hasValue(1);

        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(count.gauge(Long::doubleValue)).isEqualTo(7);
    }

    private static double value(SimpleMeterRegistry registry, String country) {
        return registry.get("compatriots").tag("country", country).gauge().value();
    }
}
