package cn.lishui.police.platform.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Which requests' spans are recorded, in every service and the gateway: all of them where spans are exported (an
 * OTLP endpoint is set), none where they are not, since nothing would ever read them. Either way each request has
 * its trace and span ids, in its log lines and problem bodies, and passes them on in {@code traceparent}; the
 * sampler is parent-based, so a caller whose trace is sampled (flag {@code 01}) is recorded all the same.
 * {@code management.tracing.sampling.probability}, where it is set, is taken as it is (Spring Boot's own sampler,
 * which this one replaces, would default to 0.1). Until session 10 every span was recorded and handed to a batch
 * processor with no exporter behind it; a gateway sampling nothing measured 0.96 x the CPU per forwarded request of
 * one sampling everything, within the shared machine's spread (docs/benchmarks.md, session 10): the reason is the
 * waste, not the figure.
 *
 * <p>A bean rather than a default in the environment: the endpoint may come from a property source added after
 * the environment was prepared (a test's dynamic properties), and here it is read when the tracer is built.
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass({Sampler.class, OpenTelemetryTracingAutoConfiguration.class})
public class TracingSamplerAutoConfiguration {

    static final String OTLP_TRACES_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String SAMPLING_PROBABILITY = "management.tracing.sampling.probability";

    @Bean
    @ConditionalOnMissingBean
    Sampler otelSampler(Environment environment) {
        return Sampler.parentBased(Sampler.traceIdRatioBased(probability(environment)));
    }

    private static double probability(Environment environment) {
        Double configured = environment.getProperty(SAMPLING_PROBABILITY, Double.class);
        if (configured != null) {
            return configured;
        }
        return environment.getProperty(OTLP_TRACES_ENDPOINT, "").isBlank() ? 0.0 : 1.0;
    }
}
