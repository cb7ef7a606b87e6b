package cn.lishui.police.platform.personaldata;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs a sweep on one daemon thread shortly after start and then at a fixed delay; stops with the context. */
final class BackgroundSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundSweep.class);

    private final String name;
    private final Duration interval;
    private final Runnable sweep;
    private ScheduledExecutorService executor;

    BackgroundSweep(String name, Duration interval, Runnable sweep) {
        this.name = name;
        this.interval = interval;
        this.sweep = sweep;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runSafely, 30, interval.toSeconds(), TimeUnit.SECONDS);
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
