package cn.lishui.police.grid.demodata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo-data steps that depend on no other (the liaison groups) run on their own thread while the map,
 * the officers and the incidents are written one after the other; this runner, the last, waits for
 * them, so the application is ready only once all the demo data is written (and fails if a step failed).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class DemoBackground implements ApplicationRunner {

    private final List<CompletableFuture<Void>> steps = new ArrayList<>();

    /** Starts a step on its own thread. */
    public synchronized void start(String name, Runnable step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                step.run();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        steps.add(done);
    }

    @Override
    public void run(ApplicationArguments args) {
        List<CompletableFuture<Void>> started;
        synchronized (this) {
            started = List.copyOf(steps);
            steps.clear();
        }
        try {
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
