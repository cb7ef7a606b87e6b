package cn.lishui.police.platform.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a sweep on one daemon thread, named after it, a while after start and then at a fixed delay; a sweep that
 * fails is logged and runs again at the next turn; stops with the context. The platform's periodic housekeeping
 * (personal-data rotation, the embedded store's TTL sweep) runs on it.
 */
public final class BackgroundSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundSweep.class);

    private final String name;
    private final Duration firstDelay;
    private final Duration interval;
    private final Runnable sweep;
    private ScheduledExecutorService executor;

    /** The first run 30 s after start. */
    public BackgroundSweep(String name, Duration interval, Runnable sweep) {
        this(name, Duration.ofSeconds(30), interval, sweep);
    }

    public BackgroundSweep(String name, Duration firstDelay, Duration interval, Runnable sweep) {
        this.name = name;
        this.firstDelay = firstDelay;
        this.interval = interval;
        this.sweep = sweep;
    }

    /** The sweep's name, also its thread's. */
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runSafely, firstDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            sweep.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; it runs again in {}", name, interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
