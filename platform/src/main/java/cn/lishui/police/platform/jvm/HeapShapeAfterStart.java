package cn.lishui.police.platform.jvm;

import java.lang.management.ManagementFactory;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Gives the heap a frugal shape once the service has started. A start allocates much more than the service keeps
 * (Spring's context, the demo data set), and with a heap that may hold only 10-30 % free after a collection
 * ({@code -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30}, which keeps a small service small later) the old
 * generation grows in small steps while the live set grows: grid-service collected 17 times in full to start, 4.4 s of
 * CPU, against 5 times and 2.5 s with the JVM's own 40-70 % (docs/benchmarks.md, session 16). So a JVM starts with
 * the JVM's ratios, and when the application is ready (its runners, the demo data among them, have finished) this
 * sets the ratios of {@code fengqiao.jvm.after-start} ({@code MinHeapFreeRatio} and {@code MaxHeapFreeRatio} are
 * manageable flags of HotSpot). The heap then shrinks over the next full collections, not at once: the serial
 * collector (run.sh's) damps a shrink over four full collections in a row, none on the first, so a {@code System.gc()}
 * here would give nothing back (grid-service: {@code Pause Full (System.gc()) 116M->79M(177M)}).
 *
 * <p>Where the flags cannot be set (another JVM, a value out of range) this logs a warning and the service runs on.
 */
public final class HeapShapeAfterStart implements ApplicationListener<ApplicationReadyEvent> {

    /** What the JVM is asked: HotSpot's diagnostic bean, an interface so a test can stand in for it. */
    interface VmOptions {
        String get(String name);

        void set(String name, String value);
    }

    private static final Logger log = LoggerFactory.getLogger(HeapShapeAfterStart.class);
    private static final String MIN = "MinHeapFreeRatio";
    private static final String MAX = "MaxHeapFreeRatio";

    private final int minHeapFreeRatio;
    private final int maxHeapFreeRatio;
    private final Optional<VmOptions> vm;

    HeapShapeAfterStart(int minHeapFreeRatio, int maxHeapFreeRatio, Optional<VmOptions> vm) {
        if (minHeapFreeRatio < 0 || maxHeapFreeRatio > 100 || minHeapFreeRatio > maxHeapFreeRatio) {
            throw new IllegalArgumentException("fengqiao.jvm.after-start: need 0 <= min-heap-free-ratio ("
                    + minHeapFreeRatio + ") <= max-heap-free-ratio (" + maxHeapFreeRatio + ") <= 100");
        }
        this.minHeapFreeRatio = minHeapFreeRatio;
        this.maxHeapFreeRatio = maxHeapFreeRatio;
        this.vm = vm;
    }

    /** The shape for this JVM, set through HotSpot's diagnostic bean (absent on a JVM without one). */
    public static HeapShapeAfterStart of(int minHeapFreeRatio, int maxHeapFreeRatio) {
        return new HeapShapeAfterStart(minHeapFreeRatio, maxHeapFreeRatio, hotSpot());
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (vm.isEmpty()) {
            log.warn("The heap's free ratios after start ({}-{} %) are not set: "
                    + "this JVM has no HotSpot diagnostic bean", minHeapFreeRatio, maxHeapFreeRatio);
            return;
        }
        VmOptions options = vm.get();
        String before;
        try {
            before = options.get(MIN) + "-" + options.get(MAX);
            // HotSpot refuses a minimum above the maximum at every step: a new minimum above the current maximum
            // waits for the new maximum, otherwise the minimum goes first
            if (minHeapFreeRatio > Integer.parseInt(options.get(MAX))) {
                options.set(MAX, Integer.toString(maxHeapFreeRatio));
                options.set(MIN, Integer.toString(minHeapFreeRatio));
            } else {
                options.set(MIN, Integer.toString(minHeapFreeRatio));
                options.set(MAX, Integer.toString(maxHeapFreeRatio));
            }
        } catch (RuntimeException refused) { // not writeable or out of range, or not allowed (SecurityException)
            log.warn("The heap's free ratios after start ({}-{} %) could not be set: {}", minHeapFreeRatio,
                    maxHeapFreeRatio, refused.toString());
            return;
        }
        log.info("Started: the heap now keeps {}-{} % free after a collection (was {} %)", minHeapFreeRatio,
                maxHeapFreeRatio, before);
    }

    private static Optional<VmOptions> hotSpot() {
        HotSpotDiagnosticMXBean bean;
        try {
            bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (IllegalArgumentException | LinkageError noSuchBean) {
            return Optional.empty();
        }
        if (bean == null) {
            return Optional.empty();
        }
        return Optional.of(new VmOptions() {
            @Override
            public String get(String name) {
                return bean.getVMOption(name).getValue();
            }

            @Override
            public void set(String name, String value) {
                bean.setVMOption(name, value);
            }
        });
    }
}
