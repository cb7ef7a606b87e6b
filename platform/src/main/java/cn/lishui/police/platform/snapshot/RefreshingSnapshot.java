package cn.lishui.police.platform.snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * An in-memory copy of something small that is read far more often than it changes (a register of a few
 * hundred or thousand records), taken by a loader:
 * <ul>
 * <li>the first {@link #get()} takes it; later ones answer from it;</li>
 * <li>after {@link #invalidate()} (this instance changed the register) the next {@code get()} takes a new copy
 *     and waits for it, so a caller sees its own change;</li>
 * <li>once the copy is older than {@code maxAge} (another instance may have changed the register), a
 *     {@code get()} still answers from it while one background load takes a new one: no reader waits; where the
 *     store counts its writes ({@link StoreChanges}) and none came since the copy was taken, the copy is kept for
 *     another {@code maxAge} instead (reading a register of thousands of records every minute for nothing made
 *     grid-service collect its whole heap every minute);</li>
 * <li>a copy whose load began before an {@code invalidate()} answers the caller that asked for it but is not
 *     kept.</li>
 * </ul>
 * Exact only for changes made through this instance; other instances' changes show within {@code maxAge}
 * (plus one load).
 */
public final class RefreshingSnapshot<T> {

    private record Taken<T>(long generation, Instant takenAt, T value, OptionalLong writesBefore) {
    }

    private final Supplier<T> loader;
    private final Duration maxAge;
    private final Clock clock;
    private final Executor background;
    private final Supplier<OptionalLong> writes;
    /** Bumped by every invalidation; a copy taken while it moved is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicReference<Taken<T>> taken = new AtomicReference<>();

    public RefreshingSnapshot(Supplier<T> loader, Duration maxAge, Clock clock) {
        this(loader, maxAge, clock, ForkJoinPool.commonPool());
    }

    /**
     * Of a register read from {@code collections}: an old copy is read again only if the store counted a write to
     * them since it was taken (or cannot tell, {@link StoreChanges#UNKNOWN}).
     */
    public RefreshingSnapshot(Supplier<T> loader, Duration maxAge, Clock clock, StoreChanges changes,
                              Collection<String> collections) {
        this(loader, maxAge, clock, ForkJoinPool.commonPool(), () -> changes.writes(collections));
    }

    /** With the executor that runs the background loads (tests pass a direct one). */
    public RefreshingSnapshot(Supplier<T> loader, Duration maxAge, Clock clock, Executor background) {
        this(loader, maxAge, clock, background, OptionalLong::empty);
    }

    /**
     * With the store's count of writes to what the loader reads ({@code () -> storeChanges.writes(collections)}):
     * an old copy is read again only when the count moved since it was taken, or when the store cannot tell.
     */
    public RefreshingSnapshot(Supplier<T> loader, Duration maxAge, Clock clock, Executor background,
                              Supplier<OptionalLong> writes) {
        this.loader = Objects.requireNonNull(loader);
        this.maxAge = Objects.requireNonNull(maxAge);
        this.clock = Objects.requireNonNull(clock);
        this.background = Objects.requireNonNull(background);
        this.writes = Objects.requireNonNull(writes);
    }

    /** The current copy; see the class comment for when it is taken again. */
    public T get() {
        Taken<T> current = taken.get();
        if (current == null || current.generation() != generation.get()) {
            return take();
        }
        if (!Duration.between(current.takenAt(), clock.instant()).minus(maxAge).isNegative()
                && refreshing.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    refresh(current);
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
        taken.set(null);
    }

    /** An old copy: kept for another {@code maxAge} when the store says nothing was written since, else read again. */
    private void refresh(Taken<T> old) {
        OptionalLong now = writes.get();
        if (now.isPresent() && old.writesBefore().isPresent() && now.getAsLong() == old.writesBefore().getAsLong()) {
            // unless an invalidation or a load replaced it meanwhile
            taken.compareAndSet(old, new Taken<>(old.generation(), clock.instant(), old.value(), now));
            return;
        }
        take();
    }

    private T take() {
        long started = generation.get();
        Instant now = clock.instant();
        // the count before the read: a write after it moves the count, whether or not the read saw the write
        OptionalLong writesBefore = writes.get();
        T value = loader.get();
        if (generation.get() == started) {
            taken.set(new Taken<>(started, now, value, writesBefore));
        }
        return value;
    }
}
