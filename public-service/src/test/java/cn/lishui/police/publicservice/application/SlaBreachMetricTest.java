package cn.lishui.police.publicservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class SlaBreachMetricTest {

    @Test
    void theBreachCounterIsExportedToPrometheusAsATotalByDepartment() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter(Applications.SLA_BREACHES, "department", "TRAFFIC").increment();
        assertThat(registry.scrape())
                .contains("fengqiao_public_applications_sla_breaches_total{department=\"TRAFFIC\"} 1.0")
                .doesNotContain("_created");
    }
}
