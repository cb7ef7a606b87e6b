package cn.lishui.police.mediation.mediator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.lishui.police.platform.snapshot.RefreshingSnapshot;
import cn.lishui.police.platform.snapshot.StoreChanges;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Mediators as the dispute feature needs them: by id, and the active ones of an organisation or a county for
 * matching. Answered from an in-memory snapshot of the register ({@link RefreshingSnapshot}; a thousand mediators
 * are a few hundred KB), taken again on the first read after this service changed a mediator ({@link #changed()}),
 * and in the background once it is {@value #MAX_AGE_SECONDS} s old (writes by another instance of the service), the
 * old one answering meanwhile; where the store counts its writes ({@link StoreChanges}) an old copy is kept while
 * none came. Reading a thousand mediators from the embedded store for each suggestion request would cost more than
 * ranking them.
 */
@Service
public class MediatorDirectory {

    static final long MAX_AGE_SECONDS = 60;

    private final MongoTemplate mongo;
    private final RefreshingSnapshot<Snapshot> snapshot;

    MediatorDirectory(MongoTemplate mongo, StoreChanges changes, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.snapshot = new RefreshingSnapshot<>(this::take, Duration.ofSeconds(MAX_AGE_SECONDS),
                clock.getIfAvailable(Clock::systemUTC), changes, Set.of("mediators"));
    }

    private record Snapshot(Map<String, MediatorRef> byId, Map<String, List<MediatorRef>> activeByOrganisation,
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
        snapshot.invalidate();
    }

    private Snapshot current() {
        // past its minute (another instance may have changed a mediator) the old copy answers while one refresh
        // runs beside, so no request waits for the register to be read; changed here, the caller sees its change
        return snapshot.get();
    }

    private Snapshot take() {
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
        return new Snapshot(Map.copyOf(byId), Map.copyOf(byOrganisation), Map.copyOf(byCounty), active);
    }
}
