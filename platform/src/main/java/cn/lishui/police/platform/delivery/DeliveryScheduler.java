package cn.lishui.police.platform.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import cn.lishui.police.platform.background.BackgroundSweep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drives every {@link DeliveryQueue} of the service: at a fixed delay it asks each for its due owners and
 * has each redelivered. One daemon thread (the platform's {@link BackgroundSweep}, first round one interval after
 * start; none without queues); a failing queue is logged and tried again next round, never
 * stops the others. Exports {@code fengqiao_delivery_backlog{queue}} and
 * {@code fengqiao_delivery_redeliveries_total{queue,outcome}}.
 */
public final class DeliveryScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);

    private final List<DeliveryQueue> queues;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration interval;
    private final int batch;
    private final BackgroundSweep rounds;

    public DeliveryScheduler(List<DeliveryQueue> queues, MeterRegistry meters, Clock clock, Duration interval, int batch) {
        this.queues = List.copyOf(queues);
        this.meters = meters;
        this.clock = clock;
        this.interval = interval;
        this.batch = batch;
        this.rounds = new BackgroundSweep("fengqiao-delivery", interval, interval, this::runOnce);
        for (DeliveryQueue queue : this.queues) {
            Gauge.builder("fengqiao.delivery.backlog", queue, DeliveryScheduler::backlogOf)
                    .description("Hand-offs kept by their owners until the receiver accepts them")
                    .tag("queue", queue.name())
                    .register(meters);
        }
    }

    private static double backlogOf(DeliveryQueue queue) {
        try {
            return queue.backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** One round over every queue; public so that tests and operators can drive it by hand. */
    public void runOnce() {
        for (DeliveryQueue queue : queues) {
            try {
                drain(queue);
            } catch (RuntimeException e) {
                log.warn("Delivery queue {} failed this round; it runs again in {}", queue.name(), interval, e);
            }
        }
    }

    private void drain(DeliveryQueue queue) {
        List<String> due = queue.due(clock.instant(), batch);
        for (String owner : due) {
            Delivery.Outcome outcome;
            try {
                outcome = queue.redeliver(owner);
            } catch (RuntimeException e) {
                log.warn("Redelivery of {} in queue {} failed unexpectedly", owner, queue.name(), e);
                outcome = Delivery.Outcome.RETRY;
            }
            if (outcome != Delivery.Outcome.SKIPPED) {
                log.info("Redelivery of {} in queue {}: {}", owner, queue.name(), outcome);
            }
            Counter.builder("fengqiao.delivery.redeliveries")
                    .description("Redelivery attempts by the scheduler, by outcome")
                    .tag("queue", queue.name())
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(meters)
                    .increment();
        }
    }

    @Override
    public void start() {
        if (!queues.isEmpty()) {
            rounds.start();
        }
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.isRunning();
    }
}
