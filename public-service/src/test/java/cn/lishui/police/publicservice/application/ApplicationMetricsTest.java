package cn.lishui.police.publicservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.lishui.police.publicservice.catalogue.Channel;
import cn.lishui.police.publicservice.catalogue.Department;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class ApplicationMetricsTest {

    static final Instant SUBMITTED = Instant.parse("2026-11-30T01:00:00Z");

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    static Application finished(boolean instant, Duration took, Instant dueAt) {
        Application application = new Application("item", "事项", Department.values()[0], Channel.values()[0],
                "citizen-1", Map.of(), instant, 3, SUBMITTED, dueAt);
        Instant now = SUBMITTED.plus(took);
        for (ApplicationAction action : List.of(ApplicationAction.ACCEPT, ApplicationAction.START,
                ApplicationAction.APPROVE, ApplicationAction.DELIVER)) {
            application.act(action, "clerk-1", "window-331121-01", null, List.of(), now, dueAt);
        }
        return application;
    }

    @Test
    void anInstantItemRecordsHowLongItTookAndHowMuchOfItsLimitWasLeft() {
        Instant due = SUBMITTED.plus(Duration.ofDays(1));
        Application application = finished(true, Duration.ofMinutes(10), due);

        ApplicationMetrics.finished(registry, application);

        String department = application.department().name();
        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("fengqiao_public_applications_instant_seconds_count{department=\"" + department + "\"} 1")
                .contains("fengqiao_public_applications_instant_seconds_bucket{department=\"" + department
                        + "\",le=\"900.0\"} 1")
                .contains("fengqiao_public_applications_instant_seconds_bucket{department=\"" + department
                        + "\",le=\"300.0\"} 0")
                .contains("fengqiao_public_applications_sla_remaining_seconds_sum{department=\"" + department
                        + "\"} " + (Duration.ofDays(1).minusMinutes(10).toSeconds()) + ".0");
    }

    @Test
    void aLateApplicationLeavesNothingAndAnOrdinaryItemIsNoInstantOne() {
        Application late = finished(false, Duration.ofDays(4), SUBMITTED.plus(Duration.ofDays(3)));

        ApplicationMetrics.finished(registry, late);

        String department = late.department().name();
        assertThat(registry.scrape())
                .contains("fengqiao_public_applications_sla_remaining_seconds_bucket{department=\"" + department
                        + "\",le=\"1.0\"} 1")
                .doesNotContain("fengqiao_public_applications_instant_seconds_count");
    }

    @Test
    void ratingsAreCountedByStars() {
        Application application = finished(false, Duration.ofHours(1), SUBMITTED.plus(Duration.ofDays(3)));

        ApplicationMetrics.rated(registry, application, 5);
        ApplicationMetrics.rated(registry, application, 5);
        ApplicationMetrics.rated(registry, application, 2);

        assertThat(registry.scrape())
                .contains("fengqiao_public_ratings_total{department=\"" + application.department().name()
                        + "\",stars=\"5\"} 2.0")
                .contains("stars=\"2\"} 1.0");
    }
}
