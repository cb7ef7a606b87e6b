package cn.lishui.police.platform.delivery;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Starts the {@link DeliveryScheduler} in a service that declares at least one {@link DeliveryQueue}.
 * {@code fengqiao.delivery.interval} (default 5s), {@code fengqiao.delivery.batch} (default 50),
 * {@code fengqiao.delivery.enabled=false} to drive the queues by hand.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration"})
@ConditionalOnProperty(name = "fengqiao.delivery.enabled", havingValue = "true", matchIfMissing = true)
public class DeliveryAutoConfiguration {

    @Bean
    @ConditionalOnBean(DeliveryQueue.class)
    @ConditionalOnMissingBean
    DeliveryScheduler deliveryScheduler(ObjectProvider<DeliveryQueue> queues, ObjectProvider<MeterRegistry> meters,
                                        ObjectProvider<Clock> clock, Environment environment) {
        Duration interval = environment.getProperty("fengqiao.delivery.interval", Duration.class, Duration.ofSeconds(5));
        int batch = environment.getProperty("fengqiao.delivery.batch", Integer.class, 50);
        return new DeliveryScheduler(queues.orderedStream().toList(), meters.getIfAvailable(SimpleMeterRegistry::new),
                clock.getIfAvailable(Clock::systemUTC), interval, batch);
    }
}
