package cn.lishui.police.platform.tracing;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sampler's ratio: what an operator sets wins; otherwise everything where spans are exported and nothing where
 * they are not. (TraceExportTest covers the sampler in a running service.)
 */
class TracingSamplerAutoConfigurationTest {

    private static final String ENDPOINT = "http://collector:4318/v1/traces";

    @Test
    void withoutAnEndpointNothingIsRecorded() {
        assertThat(samplerFor(new MockEnvironment())).contains("TraceIdRatioBased{0.000000}");
        assertThat(samplerFor(new MockEnvironment().withProperty(TracingSamplerAutoConfiguration.OTLP_TRACES_ENDPOINT, " ")))
                .contains("TraceIdRatioBased{0.000000}");
    }

    @Test
    void withAnEndpointEveryTraceIsRecorded() {
        assertThat(samplerFor(new MockEnvironment().withProperty(TracingSamplerAutoConfiguration.OTLP_TRACES_ENDPOINT, ENDPOINT)))
                .contains("TraceIdRatioBased{1.000000}")
                .startsWith("ParentBased");
    }

    @Test
    void aConfiguredProbabilityWinsEitherWay() {
        assertThat(samplerFor(new MockEnvironment()
                .withProperty(TracingSamplerAutoConfiguration.OTLP_TRACES_ENDPOINT, ENDPOINT)
                .withProperty(TracingSamplerAutoConfiguration.SAMPLING_PROBABILITY, "0.25")))
                .contains("TraceIdRatioBased{0.250000}");
        assertThat(samplerFor(new MockEnvironment()
                .withProperty(TracingSamplerAutoConfiguration.SAMPLING_PROBABILITY, "0.5")))
                .contains("TraceIdRatioBased{0.500000}");
    }

    private static String samplerFor(MockEnvironment environment) {
        return new TracingSamplerAutoConfiguration().otelSampler(environment).getDescription();
    }
}
