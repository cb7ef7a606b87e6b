package cn.lishui.police.mediation.dispute;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The business metrics of mediation, with low-cardinality labels only (county code, category):
 * {@code fengqiao_disputes_opened_total}, {@code fengqiao_disputes_closed_total},
 * {@code fengqiao_disputes_escalations_total}, the gauge {@code fengqiao_disputes_overdue} and the histogram
 * {@code fengqiao_disputes_time_to_agreement_seconds}.
 */
@Component
class DisputeMetrics {

    private final MeterRegistry meters;

    DisputeMetrics(ObjectProvider<MeterRegistry> meters, KpiCounters counters, ObjectProvider<Clock> clock) {
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        // from the KPI counters: a count over the disputes would scan them all on every scrape
        Gauge.builder("fengqiao.disputes.overdue", counters, kpis -> kpis.overdue(time.instant()))
                .description("Disputes still open past their one-month mediation limit")
                .register(this.meters);
    }

    void opened(Dispute dispute) {
        Counter.builder("fengqiao.disputes.opened").description("Disputes registered (矛盾纠纷受理登记)")
                .tag("county", dispute.countyCode()).tag("category", dispute.category().name())
                .register(meters).increment();
    }

    void closed(Dispute dispute) {
        Counter.builder("fengqiao.disputes.closed").description("Disputes closed")
                .tag("county", dispute.countyCode()).tag("category", dispute.category().name())
                .register(meters).increment();
    }

    void escalated(Dispute dispute) {
        Counter.builder("fengqiao.disputes.escalations")
                .description("Overdue disputes escalated to their organisation's head")
                .tag("county", dispute.countyCode()).register(meters).increment();
    }

    void agreed(Dispute dispute) {
        Timer.builder("fengqiao.disputes.time.to.agreement")
                .description("From registration to the agreement")
                .tag("county", dispute.countyCode())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofHours(1))
                .maximumExpectedValue(Duration.ofDays(90))
                .register(meters)
                .record(Duration.between(dispute.registeredAt(), dispute.agreedAt()));
    }
}
