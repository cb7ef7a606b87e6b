package cn.lishui.police.platform.snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An in-memory copy of something small that is read far more often than it changes (a register of a few
 * hundred or thousand records), taken by a loader:
 * <ul>
 * <li>the first {@link #get()} takes it; later ones answer from it;</li>
 * <li>after {@link #invalidate()} (this instance changed the register) the next {@code get()} takes a new copy
 *     and waits for it, so a caller sees its own change;</li>
 * <li>once the copy is older than {@code maxAge} (another instance may have changed the register), a
 *     {@code get()} still answers from it while one background load takes a new one: no reader waits;</li>
 * <li>a copy whose load began before an {@code invalidate()} answers the caller that asked for it but is not
 *     kept.</li>
 * </ul>
 * Exact only for changes made through this instance; other instances' changes show within {@code maxAge}
 * (plus one load).
 */
public final class RefreshingSnapshot<T> {

    private record Taken<T>(long generation, Instant takenAt, T value) {
    }

    private final Supplier<T> loader;
    private final Duration maxAge;
    private final Clock clock;
    private final Executor background;
    /** Bumped by every invalidation; a copy taken while it moved is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Taken<T> taken;

    public RefreshingSnapshot(Supplier<T> loader, Duration maxAge, Clock clock) {
        this(loader, maxAge, clock, ForkJoinPool.commonPool());
    }

    /** With the executor that runs the background loads (tests pass a direct one). */
    public RefreshingSnapshot(Supplier<T> loader, Duration maxAge, Clock clock, Executor background) {
        this.loader = Objects.requireNonNull(loader);
        this.maxAge = Objects.requireNonNull(maxAge);
        this.clock = Objects.requireNonNull(clock);
        this.background = Objects.requireNonNull(background);
    }

    /** The current copy; see the class comment for when it is taken again. */
    public T get() {
        Taken<T> current = taken;
        if (current == null || current.generation() != generation.get()) {
            return take();
        }
        if (!Duration.between(current.takenAt(), clock.instant()).minus(maxAge).isNegative()
                && refreshing.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    take();
                } finally {
                    refreshing.set(false);
                }
            }, background);
        }
        return current.value();
    }

    /** The register was changed here: the next {@link #get()} takes a new copy. */
    public void invalidate() {
        generation.incrementAndGet();
        taken = null;
    }

    private T take() {
        long started = generation.get();
        Instant now = clock.instant();
        T value = loader.get();
        if (generation.get() == started) {
            taken = new Taken<>(started, now, value);
        }
        return value;
    }
}
