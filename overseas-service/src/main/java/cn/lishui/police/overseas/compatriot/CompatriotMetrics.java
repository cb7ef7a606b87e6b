package cn.lishui.police.overseas.compatriot;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * fengqiao_overseas_compatriots{country}: registered compatriots by country of residence (ISO 3166 alpha-2,
 * at most ~250 values). A gauge appears for a country once it has its first compatriot.
 */
@Component
class CompatriotMetrics implements MeterBinder {

    static final String NAME = "fengqiao.overseas.compatriots";

    private final MongoTemplate mongo;
    private final Set<String> countries = ConcurrentHashMap.newKeySet();
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
            Gauge.builder(NAME, () -> mongo.count(Query.query(Criteria.where("countryOfResidence").is(country)),
                            "compatriots"))
                    .description("Registered compatriots by country of residence").tag("country", country)
                    .register(registry);
        }
    }
}
