package cn.lishui.police.platform.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class HeapShapeAutoConfigurationTest {

    private final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeapShapeAutoConfiguration.class));

    @Test
    void theHeapKeepsTheJvmsShapeUnlessBothRatiosAreConfigured() {
        contexts.run(context -> assertThat(context).doesNotHaveBean(HeapShapeAfterStart.class));
        contexts.withPropertyValues("fengqiao.jvm.after-start.min-heap-free-ratio=10")
                .run(context -> assertThat(context).doesNotHaveBean(HeapShapeAfterStart.class));
        contexts.withPropertyValues("fengqiao.jvm.after-start.min-heap-free-ratio=10",
                        "fengqiao.jvm.after-start.max-heap-free-ratio=30")
                .run(context -> assertThat(context).hasSingleBean(HeapShapeAfterStart.class));
    }

    @Test
    void ratiosThatCannotHoldTogetherStopTheStart() {
        contexts.withPropertyValues("fengqiao.jvm.after-start.min-heap-free-ratio=50",
                        "fengqiao.jvm.after-start.max-heap-free-ratio=30")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasRootCauseMessage("fengqiao.jvm.after-start: need 0 <= min-heap-free-ratio (50) "
                                + "<= max-heap-free-ratio (30) <= 100"));
    }
}
