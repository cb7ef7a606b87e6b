package cn.lishui.police.grid.incident;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Incidents opened and closed by county and category (and outcome), dispatch and arrival durations as
 * histograms by county. Labels stay low-cardinality: nine counties, nine categories, four outcomes.
 */
@Component
class IncidentMetrics {

    private final MeterRegistry registry;

    IncidentMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
    }

    void opened(Incident incident) {
        Counter.builder("fengqiao.incidents.opened").description("Incidents reported")
                .tag("county", incident.countyCode()).tag("category", incident.category().name())
                .register(registry).increment();
    }

    void closed(Incident incident) {
        Counter.builder("fengqiao.incidents.closed").description("Incidents closed")
                .tag("county", incident.countyCode()).tag("category", incident.category().name())
                .tag("outcome", incident.outcome().name()).register(registry).increment();
    }

    void dispatched(Incident incident, long seconds) {
        timer("fengqiao.incidents.dispatch", "From report to dispatch", incident).record(Duration.ofSeconds(seconds));
    }

    void arrived(Incident incident, long seconds) {
        timer("fengqiao.incidents.arrival", "From dispatch to on scene", incident).record(Duration.ofSeconds(seconds));
    }

    private Timer timer(String name, String description, Incident incident) {
        return Timer.builder(name).description(description).tag("county", incident.countyCode())
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(6)).register(registry);
    }
}
