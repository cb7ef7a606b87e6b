package cn.lishui.police.mediation.dispute;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Pre-aggregated KPI counters of the disputes, kept exact on every write: per cell (county, organisation,
 * category, month of registration) the number of disputes, accepted, mediated, agreed and closed ones, the days
 * they took to close, and the open ones by due date (so "overdue" is a sum over the due dates before now); per
 * mediator the caseload. The KPIs and the caseloads read them from memory instead of grouping every dispute.
 *
 * <p>Every dispute write goes through {@link #write}: the dispute is saved first (optimistic locking decides
 * whether the change happened), then the difference between its share before and after ({@link KpiShare}) is
 * added to the counters, in the store ({@code $inc}, collection {@value #COLLECTION}) and in memory.
 *
 * <p>Repair: the counters are rebuilt from a recount of the disputes at start when they are missing or when
 * the previous run did not stop cleanly (a crash between a dispute's save and its {@code $inc} would leave them
 * off by that one write), and by {@link #rebuild()} (after a write that bypassed this class, or a failed
 * increment). A rebuild excludes writes while it recounts. One instance writes a store's disputes (as with the
 * embedded store); several instances on one MongoDB would each need to reload the counters.
 */
@Service
public class KpiCounters implements SmartInitializingSingleton, DisposableBean {

    static final String COLLECTION = "dispute_kpis";
    private static final String STATE_ID = "~state";
    private static final String DESK = "desk|";
    private static final Logger log = LoggerFactory.getLogger(KpiCounters.class);

    /** One cell's figures, as the KPIs read them; {@code overdue} counts its open disputes due before the time asked. */
    public record Cell(String countyCode, String organisationId, String category, String period, long disputes,
                       long accepted, long mediated, long agreed, long closed, long daysHundredths, long overdue) {
    }

    /** Summed figures of some disputes; {@code daysHundredths}: the days the closed ones took, in hundredths. */
    public record Figures(long disputes, long accepted, long mediated, long agreed, long closed, long daysHundredths) {

        static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0);
    }

    /**
     * The KPIs of some disputes: the totals, the open ones past their due date, and the breakdowns by
     * organisation, county, category and month of registration (each in its keys' order, a missing key first).
     */
    public record Summary(Figures total, long overdue, SortedMap<String, Figures> byOrganisation,
                          SortedMap<String, Figures> byCounty, SortedMap<String, Figures> byCategory,
                          SortedMap<String, Figures> byPeriod) {

        static final Summary EMPTY = new Summary(Figures.ZERO, 0, Collections.emptySortedMap(),
                Collections.emptySortedMap(), Collections.emptySortedMap(), Collections.emptySortedMap());
    }

    /** Every counter, normalised (no zero figures), to compare the counters with a recount. */
    record Counts(Map<String, Counter> cells, Map<String, Long> caseloads) {
    }

    /** One cell's counters; {@code openByDue}: epoch second of a due date → open disputes due then. */
    record Counter(String countyCode, String organisationId, String category, String period, long disputes,
                   long accepted, long mediated, long agreed, long closed, long daysHundredths,
                   Map<Long, Long> openByDue) {

        boolean empty() {
            return disputes == 0 && accepted == 0 && mediated == 0 && agreed == 0 && closed == 0
                    && daysHundredths == 0 && openByDue.isEmpty();
        }
    }

    private final MongoTemplate mongo;
    private final ReadWriteLock rebuilding = new ReentrantReadWriteLock();
    /** Guarded by itself, as is {@link #caseloads}. */
    private Map<String, Tally> cells = new HashMap<>();
    private Map<String, Long> caseloads = new HashMap<>();
    /** The cells folded by scope and month, as the overview asks for them; guarded with {@link #cells}. */
    private KpiRollups rollups = new KpiRollups();
    private volatile boolean suspect;
    /** Bumped whenever the counters change (a write counted, a bulk load, a rebuild). */
    private final AtomicLong changes = new AtomicLong();

    KpiCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    // --- start and stop -------------------------------------------------------------------------------------------

    /** Before the web server takes requests: load the counters, or rebuild them when missing or possibly off. */
    @Override
    public void afterSingletonsInstantiated() {
        Document state = mongo.findById(STATE_ID, Document.class, COLLECTION);
        if (state == null || !Boolean.TRUE.equals(state.getBoolean("cleanStop"))) {
            log.info("KPI counters {}: rebuilding them from the disputes", state == null ? "missing"
                    : "not stopped cleanly last time");
            rebuild();
        } else {
            load();
            markRunning();
        }
    }

    /** A clean stop: the counters were complete, the next start loads them as they are. */
    @Override
    public void destroy() {
        if (suspect) {
            return;
        }
        try {
            rebuilding.writeLock().lock();
            mongo.upsert(Query.query(Criteria.where("_id").is(STATE_ID)), new Update().set("cleanStop", true),
                    COLLECTION);
        } catch (RuntimeException e) {
            log.warn("KPI counters: could not record the clean stop ({}); the next start rebuilds them", e.toString());
        } finally {
            rebuilding.writeLock().unlock();
        }
    }

    private void markRunning() {
        mongo.upsert(Query.query(Criteria.where("_id").is(STATE_ID)), new Update().set("cleanStop", false),
                COLLECTION);
    }

    // --- writes ---------------------------------------------------------------------------------------------------

    /**
     * Saves a dispute with {@code save} and counts the change from {@code before} (its share as loaded; null for
     * a new dispute) to its share as saved. Nothing is counted when the save throws.
     */
    Dispute write(KpiShare before, Supplier<Dispute> save) {
        rebuilding.readLock().lock();
        try {
            Dispute saved = save.get();
            count(before == null ? List.of() : List.of(before), List.of(KpiShare.of(saved)));
            return saved;
        } finally {
            rebuilding.readLock().unlock();
        }
    }

    /** Inserts new disputes in one batch (demo data, benchmark data) and counts them. */
    Collection<Dispute> insertAll(List<Dispute> disputes) {
        rebuilding.readLock().lock();
        try {
            Collection<Dispute> saved = mongo.insertAll(disputes);
            count(List.of(), saved.stream().map(KpiShare::of).toList());
            return saved;
        } finally {
            rebuilding.readLock().unlock();
        }
    }

    private void count(List<KpiShare> removed, List<KpiShare> added) {
        if (removed.equals(added)) {
            return;
        }
        Map<String, Tally> cellDeltas = new HashMap<>();
        Map<String, Long> deskDeltas = new HashMap<>();
        for (KpiShare share : removed) {
            cellDeltas.computeIfAbsent(share.cell(), key -> Tally.of(share)).add(share, -1);
            if (share.deskOf() != null) {
                deskDeltas.merge(share.deskOf(), -1L, Long::sum);
            }
        }
        for (KpiShare share : added) {
            cellDeltas.computeIfAbsent(share.cell(), key -> Tally.of(share)).add(share, 1);
            if (share.deskOf() != null) {
                deskDeltas.merge(share.deskOf(), 1L, Long::sum);
            }
        }
        cellDeltas.values().removeIf(Tally::zero);
        deskDeltas.values().removeIf(delta -> delta == 0);
        try {
            for (Map.Entry<String, Tally> delta : cellDeltas.entrySet()) {
                mongo.upsert(Query.query(Criteria.where("_id").is(delta.getKey())), delta.getValue().increment(),
                        COLLECTION);
            }
            for (Map.Entry<String, Long> delta : deskDeltas.entrySet()) {
                mongo.upsert(Query.query(Criteria.where("_id").is(DESK + delta.getKey())),
                        new Update().inc("caseload", delta.getValue()).setOnInsert("mediatorId", delta.getKey()),
                        COLLECTION);
            }
        } catch (RuntimeException e) {
            // the dispute is saved; its counters are not: the repair sweep rebuilds them
            suspect = true;
            log.error("KPI counters: an increment failed ({}); they will be rebuilt", e.toString());
            throw e;
        }
        synchronized (this) {
            cellDeltas.forEach((key, delta) -> {
                cells.computeIfAbsent(key, k -> delta.emptyCopy()).plus(delta);
                delta.rollInto(rollups);
            });
            deskDeltas.forEach((mediator, delta) -> caseloads.merge(mediator, delta, Long::sum));
        }
        changes.incrementAndGet();
    }

    // --- reads ----------------------------------------------------------------------------------------------------

    /**
     * The cells of a county and/or organisation (null: any) registered in a range of months (inclusive, "2026-01";
     * null: open-ended), each with its open disputes due before {@code now}.
     */
    public List<Cell> cells(String countyCode, String organisationId, String fromPeriod, String toPeriod,
                            Instant now) {
        long cutoff = now.getEpochSecond();
        List<Cell> matching = new ArrayList<>();
        synchronized (this) {
            for (Tally tally : cells.values()) {
                if ((countyCode == null || countyCode.equals(tally.countyCode))
                        && (organisationId == null || organisationId.equals(tally.organisationId))
                        && (fromPeriod == null || (tally.period != null && tally.period.compareTo(fromPeriod) >= 0))
                        && (toPeriod == null || (tally.period != null && tally.period.compareTo(toPeriod) <= 0))
                        && !tally.zero()) {
                    matching.add(tally.cell(cutoff));
                }
            }
        }
        return matching;
    }

    /**
     * The KPIs of the disputes of a county and/or organisation (null: any) registered in a range of months
     * (inclusive, "2026-01"; null: open-ended), overdue meaning open and due before {@code now}: the sums of the
     * matching {@link #cells}, read from the rollups kept with them, so no cell is folded per request.
     */
    public synchronized Summary summary(String countyCode, String organisationId, String fromPeriod,
                                        String toPeriod, Instant now) {
        return rollups.summary(countyCode, organisationId, fromPeriod, toPeriod, now.getEpochSecond());
    }

    /** How many times the counters changed so far: equal twice, no dispute write was counted in between. */
    long changes() {
        return changes.get();
    }

    /** Open disputes past their due date. */
    public synchronized long overdue(Instant now) {
        long cutoff = now.getEpochSecond();
        long overdue = 0;
        for (Tally tally : cells.values()) {
            overdue += tally.overdue(cutoff);
        }
        return overdue;
    }

    /** The caseload of a mediator: their disputes ASSIGNED, IN_MEDIATION or AGREED. */
    public synchronized long caseload(String mediatorId) {
        return caseloads.getOrDefault(mediatorId, 0L);
    }

    /** The caseloads of many mediators, read at once; a mediator without cases is absent (0). */
    synchronized Map<String, Long> caseloads(Collection<String> mediatorIds) {
        Map<String, Long> loads = new HashMap<>();
        for (String id : mediatorIds) {
            Long load = caseloads.get(id);
            if (load != null && load != 0) {
                loads.put(id, load);
            }
        }
        return loads;
    }

    synchronized Counts counts() {
        return normalised(cells, caseloads);
    }

    // --- repair ---------------------------------------------------------------------------------------------------

    /** The counters from a recount of every dispute (reads only the fields the shares need). */
    Counts recount() {
        Recount recount = recountDisputes();
        return normalised(recount.cells, recount.caseloads);
    }

    /** The counters as the store holds them. */
    Counts stored() {
        Map<String, Tally> storedCells = new HashMap<>();
        Map<String, Long> storedLoads = new HashMap<>();
        for (Document document : mongo.findAll(Document.class, COLLECTION)) {
            String id = document.getString("_id");
            if (STATE_ID.equals(id)) {
                continue;
            }
            if (id.startsWith(DESK)) {
                storedLoads.put(document.getString("mediatorId"), number(document, "caseload"));
            } else {
                storedCells.put(id, Tally.of(document));
            }
        }
        return normalised(storedCells, storedLoads);
    }

    /**
     * Recounts every dispute and replaces the counters, in the store and in memory, with the result; writes wait
     * meanwhile. The state stays "not stopped cleanly" throughout, so a crash during a rebuild repeats it.
     */
    public void rebuild() {
        rebuilding.writeLock().lock();
        try {
            rebuildLocked();
        } finally {
            rebuilding.writeLock().unlock();
        }
    }

    /**
     * A bulk load (benchmark data): {@code load} hands over batches of new disputes, each inserted straight into
     * the store and counted in memory; the counters are written to the store once at the end, one document per
     * cell, instead of one upsert per cell and batch. Other writes wait meanwhile. When a batch fails (it may be
     * half written), the counters are rebuilt from a recount.
     */
    void bulkLoad(Consumer<Consumer<List<Dispute>>> load) {
        rebuilding.writeLock().lock();
        try {
            markRunning();
            long started = System.nanoTime();
            try {
                load.accept(batch -> {
                    Collection<Dispute> saved = mongo.insertAll(batch);
                    synchronized (this) {
                        for (Dispute dispute : saved) {
                            KpiShare share = KpiShare.of(dispute);
                            cells.computeIfAbsent(share.cell(), key -> Tally.of(share)).add(share, 1);
                            Tally one = Tally.of(share);
                            one.add(share, 1);
                            one.rollInto(rollups);
                            if (share.deskOf() != null) {
                                caseloads.merge(share.deskOf(), 1L, Long::sum);
                            }
                        }
                    }
                });
            } catch (RuntimeException e) {
                log.error("KPI counters: a bulk load failed ({}); rebuilding them", e.toString());
                rebuildLocked();
                throw e;
            }
            Map<String, Tally> counted;
            Map<String, Long> loads;
            synchronized (this) {
                counted = new HashMap<>(cells);
                loads = new HashMap<>(caseloads);
            }
            replaceStored(counted, loads);
            changes.incrementAndGet();
            log.info("KPI counters of a bulk load written: {} cells in {} ms", counted.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            rebuilding.writeLock().unlock();
        }
    }

    private void rebuildLocked() {
        markRunning();
        long started = System.nanoTime();
        Recount recount = recountDisputes();
        replaceStored(recount.cells, recount.caseloads);
        KpiRollups rolled = rollupsOf(recount.cells);
        synchronized (this) {
            cells = recount.cells;
            caseloads = recount.caseloads;
            rollups = rolled;
        }
        changes.incrementAndGet();
        suspect = false;
        log.info("KPI counters rebuilt from {} disputes ({} cells) in {} ms", recount.disputes,
                recount.cells.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Replaces the counters in the store (all but the state) with these; called with writes excluded. */
    private void replaceStored(Map<String, Tally> cellsToStore, Map<String, Long> caseloadsToStore) {
        mongo.remove(Query.query(Criteria.where("_id").ne(STATE_ID)), COLLECTION);
        List<Document> documents = new ArrayList<>();
        cellsToStore.forEach((key, tally) -> {
            if (!tally.zero()) {
                documents.add(tally.document(key));
            }
        });
        caseloadsToStore.forEach((mediator, load) -> {
            if (load != 0) {
                documents.add(new Document("_id", DESK + mediator).append("mediatorId", mediator)
                        .append("caseload", load));
            }
        });
        if (!documents.isEmpty()) {
            // in key order: a store's B-tree then grows at its right edge instead of everywhere
            documents.sort(Comparator.comparing(document -> document.getString("_id")));
            mongo.insert(documents, COLLECTION);
        }
    }

    /** Rebuilds the counters after an increment failed. */
    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    void repairIfSuspect() {
        if (suspect) {
            rebuild();
        }
    }

    private void load() {
        Map<String, Tally> loadedCells = new HashMap<>();
        Map<String, Long> loadedLoads = new HashMap<>();
        for (Document document : mongo.findAll(Document.class, COLLECTION)) {
            String id = document.getString("_id");
            if (STATE_ID.equals(id)) {
                continue;
            }
            if (id.startsWith(DESK)) {
                loadedLoads.put(document.getString("mediatorId"), number(document, "caseload"));
            } else {
                loadedCells.put(id, Tally.of(document));
            }
        }
        KpiRollups rolled = rollupsOf(loadedCells);
        synchronized (this) {
            cells = loadedCells;
            caseloads = loadedLoads;
            rollups = rolled;
        }
        log.info("KPI counters loaded: {} cells, {} caseloads", loadedCells.size(), loadedLoads.size());
    }

    private record Recount(Map<String, Tally> cells, Map<String, Long> caseloads, long disputes) {
    }

    private Recount recountDisputes() {
        Query all = new Query();
        all.fields().include("countyCode", "organisationId", "category", "period", "status", "dueAt", "kpi",
                "mediatorId");
        Map<String, Tally> recounted = new HashMap<>();
        Map<String, Long> loads = new HashMap<>();
        long n = 0;
        try (Stream<Dispute> disputes = mongo.stream(all, Dispute.class)) {
            for (Dispute dispute : (Iterable<Dispute>) disputes::iterator) {
                KpiShare share = KpiShare.of(dispute);
                recounted.computeIfAbsent(share.cell(), key -> Tally.of(share)).add(share, 1);
                if (share.deskOf() != null) {
                    loads.merge(share.deskOf(), 1L, Long::sum);
                }
                n++;
            }
        }
        return new Recount(recounted, loads, n);
    }

    private static Counts normalised(Map<String, Tally> cells, Map<String, Long> caseloads) {
        Map<String, Counter> counters = new TreeMap<>();
        cells.forEach((key, tally) -> {
            Counter counter = tally.counter();
            if (!counter.empty()) {
                counters.put(key, counter);
            }
        });
        Map<String, Long> loads = new TreeMap<>();
        caseloads.forEach((mediator, load) -> {
            if (load != 0) {
                loads.put(mediator, load);
            }
        });
        return new Counts(counters, loads);
    }

    private static KpiRollups rollupsOf(Map<String, Tally> cells) {
        KpiRollups rollups = new KpiRollups();
        cells.values().forEach(tally -> tally.rollInto(rollups));
        return rollups;
    }

    private static long number(Document document, String field) {
        return document.get(field) instanceof Number n ? n.longValue() : 0;
    }

    /** A cell's counters (or a change to them), mutable; guarded by the counters' monitor once in memory. */
    private static final class Tally {

        final String countyCode;
        final String organisationId;
        final String category;
        final String period;
        long disputes;
        long accepted;
        long mediated;
        long agreed;
        long closed;
        long daysHundredths;
        final TreeMap<Long, Long> openByDue = new TreeMap<>();

        private Tally(String countyCode, String organisationId, String category, String period) {
            this.countyCode = countyCode;
            this.organisationId = organisationId;
            this.category = category;
            this.period = period;
        }

        static Tally of(KpiShare share) {
            return new Tally(share.countyCode(), share.organisationId(), share.category(), share.period());
        }

        static Tally of(Document document) {
            Tally tally = new Tally(document.getString("countyCode"), document.getString("organisationId"),
                    document.getString("category"), document.getString("period"));
            tally.disputes = number(document, "disputes");
            tally.accepted = number(document, "accepted");
            tally.mediated = number(document, "mediated");
            tally.agreed = number(document, "agreed");
            tally.closed = number(document, "closed");
            tally.daysHundredths = number(document, "daysHundredths");
            if (document.get("openByDue") instanceof Document due) {
                due.forEach((second, count) -> {
                    long n = count instanceof Number c ? c.longValue() : 0;
                    if (n != 0) {
                        tally.openByDue.put(Long.parseLong(second.substring(1)), n);
                    }
                });
            }
            return tally;
        }

        /** Adds this cell (or change of a cell) to the rollups. */
        void rollInto(KpiRollups into) {
            KpiRollups.Sums sums = new KpiRollups.Sums();
            sums.plus(disputes, accepted, mediated, agreed, closed, daysHundredths);
            into.apply(countyCode, organisationId, category, period, sums, openByDue);
        }

        Tally emptyCopy() {
            return new Tally(countyCode, organisationId, category, period);
        }

        void add(KpiShare share, int sign) {
            disputes += sign;
            accepted += sign * share.accepted();
            mediated += sign * share.mediated();
            agreed += sign * share.agreed();
            closed += sign * share.closed();
            daysHundredths += sign * share.daysHundredths();
            if (share.dueAt() != 0) {
                openByDue.merge(share.dueAt(), (long) sign, Long::sum);
                openByDue.values().removeIf(n -> n == 0);
            }
        }

        void plus(Tally delta) {
            disputes += delta.disputes;
            accepted += delta.accepted;
            mediated += delta.mediated;
            agreed += delta.agreed;
            closed += delta.closed;
            daysHundredths += delta.daysHundredths;
            delta.openByDue.forEach((second, n) -> openByDue.merge(second, n, Long::sum));
            openByDue.values().removeIf(n -> n == 0);
        }

        boolean zero() {
            return disputes == 0 && accepted == 0 && mediated == 0 && agreed == 0 && closed == 0
                    && daysHundredths == 0 && openByDue.isEmpty();
        }

        long overdue(long cutoff) {
            long overdue = 0;
            for (long n : openByDue.headMap(cutoff, false).values()) {
                overdue += n;
            }
            return overdue;
        }

        Cell cell(long cutoff) {
            return new Cell(countyCode, organisationId, category, period, disputes, accepted, mediated, agreed,
                    closed, daysHundredths, overdue(cutoff));
        }

        Counter counter() {
            return new Counter(countyCode, organisationId, category, period, disputes, accepted, mediated, agreed,
                    closed, daysHundredths, new TreeMap<>(openByDue));
        }

        /** The $inc of this change, the cell's dimensions set when the upsert creates it. */
        Update increment() {
            Update update = new Update()
                    .setOnInsert("countyCode", countyCode).setOnInsert("organisationId", organisationId)
                    .setOnInsert("category", category).setOnInsert("period", period);
            inc(update, "disputes", disputes);
            inc(update, "accepted", accepted);
            inc(update, "mediated", mediated);
            inc(update, "agreed", agreed);
            inc(update, "closed", closed);
            inc(update, "daysHundredths", daysHundredths);
            openByDue.forEach((second, n) -> inc(update, "openByDue.t" + second, n));
            return update;
        }

        private static void inc(Update update, String field, long by) {
            if (by != 0) {
                update.inc(field, by);
            }
        }

        Document document(String key) {
            Document due = new Document();
            openByDue.forEach((second, n) -> due.append("t" + second, n));
            return new Document("_id", key).append("countyCode", countyCode).append("organisationId", organisationId)
                    .append("category", category).append("period", period).append("disputes", disputes)
                    .append("accepted", accepted).append("mediated", mediated).append("agreed", agreed)
                    .append("closed", closed).append("daysHundredths", daysHundredths).append("openByDue", due);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Tally t && counter().equals(t.counter());
        }

        @Override
        public int hashCode() {
            return Objects.hash(countyCode, organisationId, category, period, disputes);
        }
    }
}
