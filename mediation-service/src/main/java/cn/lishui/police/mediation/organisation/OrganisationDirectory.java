package cn.lishui.police.mediation.organisation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.lishui.police.platform.security.Caller;
import cn.lishui.police.platform.snapshot.RefreshingSnapshot;
import cn.lishui.police.platform.snapshot.StoreChanges;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Organisations as the other features see them, without the caller's directory scope: a dispute knows its
 * organisation whatever county the caller works in, and intake routes a dispute to an organisation.
 *
 * <p>Answered from an in-memory snapshot of the register (a city has a few hundred organisations): the KPI
 * overview names and counts them on every request, and the embedded store reads each organisation back from
 * its serialised form for every query, which took half of the overview's CPU time at 100,000 disputes. The
 * snapshot ({@link RefreshingSnapshot}) is taken again on the first read after this service changed an
 * organisation ({@link #changed()}), and in the background once it is {@value #MAX_AGE_SECONDS} s old (writes by
 * another instance), the old one answering meanwhile; where the store counts its writes ({@link StoreChanges}) an
 * old copy is kept while none came.
 */
@Service
public class OrganisationDirectory {

    static final long MAX_AGE_SECONDS = 60;

    private final MongoTemplate mongo;
    private final RefreshingSnapshot<Snapshot> snapshot;

    OrganisationDirectory(MongoTemplate mongo, StoreChanges changes, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.snapshot = new RefreshingSnapshot<>(this::take, Duration.ofSeconds(MAX_AGE_SECONDS),
                clock.getIfAvailable(Clock::systemUTC), changes, Set.of("organisations"));
    }

    private record Snapshot(Map<String, OrganisationRef> byId, Map<String, List<OrganisationRef>> byCounty,
                            Map<String, String> names) {
    }

    public Optional<OrganisationRef> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(current().byId().get(id));
    }

    /** The ids of the organisations the caller heads ({@link OrganisationRef#headedBy(Caller)}). */
    public List<String> headedBy(Caller caller) {
        List<String> ids = new ArrayList<>();
        for (OrganisationRef organisation : current().byId().values()) {
            if (organisation.headedBy(caller.subject())
                    || organisation.id().equals(caller.organisationId()) && organisation.headedBy(caller)) {
                ids.add(organisation.id());
            }
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    /**
     * The organisation a new dispute of a county goes to when its intake names none: of the county's
     * organisations, one of the preferred kind before the others, one in the dispute's town before the others.
     */
    public Optional<OrganisationRef> route(String countyCode, String townCode, OrganisationKind preferred) {
        return current().byCounty().getOrDefault(countyCode, List.of()).stream()
                .min(Comparator.<OrganisationRef>comparingInt(o -> o.kind() == preferred ? 0 : 1)
                        .thenComparingInt(o -> townCode != null && townCode.equals(o.townCode()) ? 0 : 1)
                        .thenComparing(OrganisationRef::name));
    }

    /** Names by id (unknown ids are left out). */
    public Map<String, String> names(Collection<String> ids) {
        Map<String, String> all = current().names();
        Map<String, String> names = new HashMap<>();
        for (String id : ids) {
            String name = all.get(id);
            if (name != null) {
                names.put(id, name);
            }
        }
        return names;
    }

    /** Organisations of a county, or (null) everywhere. */
    public long count(String countyCode) {
        Snapshot current = current();
        return countyCode == null ? current.byId().size()
                : current.byCounty().getOrDefault(countyCode, List.of()).size();
    }

    /** An organisation was registered or changed here: the next read takes a new snapshot. */
    void changed() {
        snapshot.invalidate();
    }

    private Snapshot current() {
        return snapshot.get();
    }

    private Snapshot take() {
        Map<String, OrganisationRef> byId = new HashMap<>();
        Map<String, List<OrganisationRef>> byCounty = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Organisation organisation : mongo.findAll(Organisation.class)) {
            OrganisationRef ref = OrganisationRef.of(organisation);
            byId.put(ref.id(), ref);
            byCounty.computeIfAbsent(ref.countyCode(), c -> new ArrayList<>()).add(ref);
            names.put(ref.id(), ref.name());
        }
        byCounty.replaceAll((c, list) -> List.copyOf(list));
        return new Snapshot(Map.copyOf(byId), Map.copyOf(byCounty), Map.copyOf(names));
    }
}
