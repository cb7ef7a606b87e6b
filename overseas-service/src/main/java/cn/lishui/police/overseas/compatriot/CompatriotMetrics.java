package cn.lishui.police.overseas.compatriot;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.lishui.police.platform.metrics.PeriodicReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * fengqiao_overseas_compatriots{country}: registered compatriots by country of residence (ISO 3166 alpha-2,
 * at most ~250 values). A gauge appears for a country once it has its first compatriot. Every country's gauge
 * reads one grouping of the registry, taken at most once per {@link PeriodicReading#DEFAULT_PERIOD}: a scrape
 * costs one query, not one count per country.
 */
@Component
class CompatriotMetrics implements MeterBinder {

    static final String NAME = "fengqiao.overseas.compatriots";

    private final MongoTemplate mongo;
    private final Set<String> countries = ConcurrentHashMap.newKeySet();
    private final PeriodicReading<Map<String, Long>> byCountry = new PeriodicReading<>(this::countByCountry);
    private volatile MeterRegistry registry;

    CompatriotMetrics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (Object country : mongo.getCollection("compatriots").distinct("countryOfResidence", String.class)) {
            register(String.valueOf(country));
        }
    }

    void registered(String country) {
        if (registry != null) {
            register(country);
        }
    }

    private void register(String country) {
        if (country != null && countries.add(country)) {
            Gauge.builder(NAME, byCountry, reading -> reading.gauge(counts -> counts.getOrDefault(country, 0L)))
                    .description("Registered compatriots by country of residence").tag("country", country)
                    .register(registry);
        }
    }

    /** Compatriots per country of residence, in one grouping. */
    Map<String, Long> countByCountry() {
        Map<String, Long> counts = new HashMap<>();
        for (Document row : mongo.aggregate(newAggregation(group("countryOfResidence").count().as("n")),
                "compatriots", Document.class)) {
            if (row.get("_id") != null) {
                counts.put(String.valueOf(row.get("_id")), ((Number) row.get("n")).longValue());
            }
        }
        return counts;
    }
}
