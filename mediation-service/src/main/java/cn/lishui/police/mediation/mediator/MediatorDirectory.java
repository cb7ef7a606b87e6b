package cn.lishui.police.mediation.mediator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Mediators as the dispute feature needs them: by id, and the active ones of an organisation or a county for
 * matching. Answered from an in-memory snapshot of the register (a thousand mediators are a few hundred KB),
 * taken again on the first read after this service changed a mediator ({@link #changed()}), and in the
 * background once it is {@value #MAX_AGE_SECONDS} s old (writes by another instance of the service), the old one
 * answering meanwhile. Reading a thousand mediators from the embedded store for each suggestion request would
 * cost more than ranking them.
 */
@Service
public class MediatorDirectory {

    static final long MAX_AGE_SECONDS = 60;

    private final MongoTemplate mongo;
    private final Clock clock;
    /** Bumped by every change; a snapshot taken while it moved is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    MediatorDirectory(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    private record Snapshot(long generation, Instant takenAt, Map<String, MediatorRef> byId,
                            Map<String, List<MediatorRef>> activeByOrganisation,
                            Map<String, List<MediatorRef>> activeByCounty, long active) {
    }

    public Optional<MediatorRef> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(current().byId().get(id));
    }

    /** The active mediators of a county. */
    public List<MediatorRef> activeIn(String countyCode) {
        return current().activeByCounty().getOrDefault(countyCode, List.of());
    }

    /** The active mediators of an organisation. */
    public List<MediatorRef> activeOf(String organisationId) {
        return current().activeByOrganisation().getOrDefault(organisationId, List.of());
    }

    /** Active mediators, of a county or (null) everywhere. */
    public long count(String countyCode) {
        Snapshot current = current();
        return countyCode == null ? current.active() : current.activeByCounty().getOrDefault(countyCode, List.of())
                .size();
    }

    /** A mediator was registered, changed or deactivated here: the next read takes a new snapshot. */
    void changed() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current != null && current.generation() == generation.get()) {
            if (Duration.between(current.takenAt(), clock.instant()).getSeconds() >= MAX_AGE_SECONDS
                    && refreshing.compareAndSet(false, true)) {
                // only old (another instance may have changed a mediator): this answer uses it, one refresh runs
                // beside, so no request waits for the register to be read
                CompletableFuture.runAsync(() -> {
                    try {
                        take();
                    } finally {
                        refreshing.set(false);
                    }
                });
            }
            return current;
        }
        // changed here: the caller must see its own change
        return take();
    }

    private Snapshot take() {
        long taken = generation.get();
        Instant now = clock.instant();
        Map<String, MediatorRef> byId = new HashMap<>();
        Map<String, List<MediatorRef>> byOrganisation = new HashMap<>();
        Map<String, List<MediatorRef>> byCounty = new HashMap<>();
        long active = 0;
        for (Mediator mediator : mongo.findAll(Mediator.class)) {
            MediatorRef ref = mediator.ref();
            byId.put(ref.id(), ref);
            if (ref.active()) {
                byOrganisation.computeIfAbsent(ref.organisationId(), o -> new ArrayList<>()).add(ref);
                byCounty.computeIfAbsent(ref.countyCode(), c -> new ArrayList<>()).add(ref);
                active++;
            }
        }
        byOrganisation.replaceAll((o, list) -> List.copyOf(list));
        byCounty.replaceAll((c, list) -> List.copyOf(list));
        Snapshot fresh = new Snapshot(taken, now, Map.copyOf(byId), Map.copyOf(byOrganisation), Map.copyOf(byCounty),
                active);
        if (generation.get() == taken) {
            snapshot = fresh;
        }
        return fresh;
    }
}
