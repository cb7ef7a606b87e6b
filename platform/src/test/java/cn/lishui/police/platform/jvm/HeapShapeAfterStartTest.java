package cn.lishui.police.platform.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class HeapShapeAfterStartTest {

    private static final ApplicationReadyEvent READY =
            new ApplicationReadyEvent(new SpringApplication(), new String[0], null, Duration.ZERO);

    /** HotSpot's flags as a map, with HotSpot's rule that the minimum never exceeds the maximum. */
    private static class FakeVm implements HeapShapeAfterStart.VmOptions {
        final Map<String, String> flags = new HashMap<>();
        final List<String> sets = new ArrayList<>();

        FakeVm(int min, int max) {
            flags.put("MinHeapFreeRatio", Integer.toString(min));
            flags.put("MaxHeapFreeRatio", Integer.toString(max));
        }

        @Override
        public String get(String name) {
            return flags.get(name);
        }

        @Override
        public void set(String name, String value) {
            Map<String, String> after = new HashMap<>(flags);
            after.put(name, value);
            if (Integer.parseInt(after.get("MinHeapFreeRatio")) > Integer.parseInt(after.get("MaxHeapFreeRatio"))) {
                throw new IllegalArgumentException(name + "=" + value + " is outside the other ratio");
            }
            flags.putAll(after);
            sets.add(name + "=" + value);
        }
    }

    @Test
    void aStartedServiceKeepsTheConfiguredShareOfItsHeapFreeInsteadOfTheJvmsOwn(CapturedOutput output) {
        FakeVm vm = new FakeVm(40, 70);

        new HeapShapeAfterStart(10, 30, Optional.of(vm)).onApplicationEvent(READY);

        assertThat(vm.flags).containsEntry("MinHeapFreeRatio", "10").containsEntry("MaxHeapFreeRatio", "30");
        assertThat(output).contains("the heap now keeps 10-30 % free after a collection (was 40-70 %)");
    }

    @Test
    void ratiosAboveTheCurrentMaximumRaiseTheMaximumFirst() {
        FakeVm vm = new FakeVm(10, 30);

        new HeapShapeAfterStart(50, 80, Optional.of(vm)).onApplicationEvent(READY);

        assertThat(vm.sets).containsExactly("MaxHeapFreeRatio=80", "MinHeapFreeRatio=50");
    }

    @Test
    void aJvmThatRefusesTheFlagsIsAWarningAndTheServiceRunsOn(CapturedOutput output) {
        HeapShapeAfterStart.VmOptions refusing = new FakeVm(40, 70) {
            @Override
            public void set(String name, String value) {
                throw new IllegalArgumentException("VM option \"" + name + "\" is not writeable");
            }
        };

        new HeapShapeAfterStart(10, 30, Optional.of(refusing)).onApplicationEvent(READY);
        new HeapShapeAfterStart(10, 30, Optional.empty()).onApplicationEvent(READY);

        assertThat(output)
                .contains("could not be set: java.lang.IllegalArgumentException: VM option \"MinHeapFreeRatio\"")
                .contains("this JVM has no HotSpot diagnostic bean")
                .doesNotContain("the heap now keeps");
    }

    @Test
    void ratiosThatCannotHoldTogetherAreRefusedAtStart() {
        assertThatThrownBy(() -> HeapShapeAfterStart.of(40, 30))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min-heap-free-ratio (40)");
        assertThatThrownBy(() -> HeapShapeAfterStart.of(10, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thisJvmsOwnFlagsAreSet() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String min = hotSpot.getVMOption("MinHeapFreeRatio").getValue();
        String max = hotSpot.getVMOption("MaxHeapFreeRatio").getValue();
        int newMin = "11".equals(min) ? 12 : 11;
        try {
            HeapShapeAfterStart.of(newMin, 33).onApplicationEvent(READY);

            assertThat(hotSpot.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(Integer.toString(newMin));
            assertThat(hotSpot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("33");
        } finally {
            if (Integer.parseInt(min) > 33) {
                hotSpot.setVMOption("MaxHeapFreeRatio", max);
                hotSpot.setVMOption("MinHeapFreeRatio", min);
            } else {
                hotSpot.setVMOption("MinHeapFreeRatio", min);
                hotSpot.setVMOption("MaxHeapFreeRatio", max);
            }
        }
    }
}
