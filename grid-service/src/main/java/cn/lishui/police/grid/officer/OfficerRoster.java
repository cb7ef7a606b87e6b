package cn.lishui.police.grid.officer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

import cn.lishui.police.platform.snapshot.RefreshingSnapshot;
import cn.lishui.police.platform.snapshot.StoreChanges;
import cn.lishui.police.platform.snapshot.StoreWrites;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The officers and who is assigned where (grid officers, village chiefs), in memory, for the reads of
 * {@link Assignments}: a location lookup asked the embedded store four times for them (grid officer, officer,
 * chiefs, officers), most of that request's CPU. The demo set is 4,360 officers, 3,512 grid officers and 2,850
 * chief pairs, about 3 MB.
 *
 * <p>A {@link RefreshingSnapshot}: every save or delete through the template in one of the three collections
 * (the platform's {@link StoreWrites}: registering an officer, appointing a chief, assigning a grid officer, the demo set, a test's clean-up) makes
 * the next read take a new copy and wait for it, so whoever wrote reads their own change. Writes made elsewhere
 * (another instance, or straight into the collection) show once the copy is
 * {@code fengqiao.grid.assignments-max-age} old (default 60 s), the old copy answering while one background read
 * takes the new one. Reads that would take a new copy at the same time share one read of the store.
 */
@Component
class OfficerRoster {

    static final Set<String> COLLECTIONS = Set.of("officers", "grid_officers", "village_chiefs");

    /** One copy of the three collections. */
    record Roster(Map<String, Officer> officers, Map<String, Officer> byAccount,
                  NavigableMap<String, String> gridOfficers, Map<String, List<String>> chiefs) {

        /** The grid officer assignments of a village's grids, by grid code in order. */
        NavigableMap<String, String> gridOfficersOfVillage(String villageCode) {
            // grid codes are the village code and three digits
            return gridOfficers.subMap(villageCode, true, villageCode + Character.MAX_VALUE, false);
        }
    }

    private record Loaded(Roster roster, long changesAtStart, OptionalLong writesAtStart, long number,
                          Instant startedAt) {
    }

    private final MongoTemplate mongo;
    private final StoreChanges storeChanges;
    private final Clock clock;
    private final Duration maxAge;
    private final RefreshingSnapshot<Roster> snapshot;
    /** Template writes to the three collections seen here. */
    private final AtomicLong changes = new AtomicLong();
    /** Loads finished so far. */
    private final AtomicLong loads = new AtomicLong();
    private final Object loading = new Object();
    private volatile Loaded last;

    @Autowired
    OfficerRoster(MongoTemplate mongo, StoreWrites writes, StoreChanges storeChanges, ObjectProvider<Clock> clock,
                  @Value("${fengqiao.grid.assignments-max-age:PT60S}") Duration maxAge) {
        this(mongo, writes, storeChanges, clock.getIfAvailable(Clock::systemUTC), maxAge, ForkJoinPool.commonPool());
    }

    /** With the executor that refreshes an old copy (a test runs it when it says). */
    OfficerRoster(MongoTemplate mongo, StoreWrites writes, StoreChanges storeChanges, Clock clock, Duration maxAge,
                  Executor background) {
        this.mongo = mongo;
        this.storeChanges = storeChanges;
        this.clock = clock;
        this.maxAge = maxAge;
        this.snapshot = new RefreshingSnapshot<>(this::load, maxAge, clock, background,
                () -> storeChanges.writes(COLLECTIONS));
        writes.onWrite(COLLECTIONS, this::changed);
    }

    Roster current() {
        return snapshot.get();
    }

    /** How many times the store was read (for tests). */
    long loads() {
        return loads.get();
    }

    private void changed() {
        changes.incrementAndGet();
        snapshot.invalidate();
    }

    /**
     * Reads the three collections, or answers the copy of a load that finished while this caller waited for it
     * and saw every change this caller saw (so many readers after a write wait for one read, not one each).
     */
    private Roster load() {
        long changesSeen = changes.get();
        long loadsSeen = loads.get();
        synchronized (loading) {
            Loaded previous = last;
            OptionalLong writesNow = storeChanges.writes(COLLECTIONS);
            // a load that began after every change this caller saw: one that finished while it waited, or one that
            // finished just before it came here and is younger than the maximum age (a background refresh of an
            // old copy, which must read the store again, never finds one that young); and, where the store
            // counts its writes, one that began after the last write from anywhere
            if (previous != null && previous.changesAtStart() == changesSeen
                    && (writesNow.isEmpty() || writesNow.equals(previous.writesAtStart()))
                    && (previous.number() > loadsSeen
                        || Duration.between(previous.startedAt(), clock.instant()).compareTo(maxAge) < 0)) {
                return previous.roster();
            }
            long changesAtStart = changes.get();
            Instant startedAt = clock.instant();
            Roster roster = read();
            last = new Loaded(roster, changesAtStart, writesNow, loads.incrementAndGet(), startedAt);
            return roster;
        }
    }

    private Roster read() {
        Map<String, Officer> officers = new HashMap<>();
        Map<String, Officer> byAccount = new HashMap<>();
        for (Officer officer : mongo.findAll(Officer.class)) {
            officers.put(officer.id(), officer);
            if (officer.account() != null) {
                // the first in the store's order, as a query by account answers
                byAccount.putIfAbsent(officer.account(), officer);
            }
        }
        NavigableMap<String, String> gridOfficers = new TreeMap<>();
        for (GridOfficer assignment : mongo.findAll(GridOfficer.class)) {
            gridOfficers.put(assignment.gridCode(), assignment.officerId());
        }
        Map<String, List<String>> chiefs = new HashMap<>();
        for (VillageChiefs village : mongo.findAll(VillageChiefs.class)) {
            List<String> ids = new ArrayList<>(village.chiefs().size());
            village.chiefs().forEach(chief -> ids.add(chief.officerId()));
            chiefs.put(village.villageCode(), List.copyOf(ids));
        }
        return new Roster(Map.copyOf(officers), Map.copyOf(byAccount), Collections.unmodifiableNavigableMap(gridOfficers),
                Map.copyOf(chiefs));
    }
}
