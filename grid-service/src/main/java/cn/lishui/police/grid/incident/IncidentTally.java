package cn.lishui.police.grid.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.stereotype.Component;

/**
 * The fields the incident KPIs count (county, village, category, criminal, outcome, solving unit, time
 * reported, dispatch and arrival seconds) of every incident, kept in memory so that a KPI over 100,000
 * incidents is a pass over compact rows instead of aggregations over the store (the embedded store has
 * no secondary indexes, so each aggregation read every incident document). The rows are {@link TallyRows},
 * 60–70 bytes an incident, since the tally lives as long as the process and grows with the store.
 *
 * <p>It stays exact: every incident this process writes through the template (intake, each transition,
 * the demo set) replaces its entry on the template's {@link AfterSaveEvent}, the newer version winning.
 * Writes that bypass the template (another replica, a raw update) are picked up by a reload: when the
 * collection's document count differs from the tally while no write of this process is under way (between
 * its {@link BeforeSaveEvent} and {@link AfterSaveEvent}), at most every minute while writes never stop,
 * and every {@code fengqiao.incidents.kpi-resync} (default 10 min) in any case. {@link IncidentStats#recount}
 * computes the same report from the store, and a test holds the two equal.
 */
@Component
class IncidentTally {

    /** A duration not (yet) known, or a time missing. */
    static final long UNKNOWN = Long.MIN_VALUE;

    /** One incident as the KPIs see it; {@link #UNKNOWN} for a duration not (yet) known. */
    interface Row {

        String countyCode();

        String villageCode();

        /** The category's ordinal, -1 for none or an unknown one. */
        int categoryIndex();

        boolean criminal();

        /** Closed as {@link IncidentOutcome#SOLVED}. */
        boolean solved();

        /** Solved by the police station ({@link SolvingUnit#STATION}); counted only when {@link #solved()}. */
        boolean solvedByStation();

        long reportedAtMillis();

        long dispatchSeconds();

        long arrivalSeconds();
    }

    /** A row as read from an incident document (and as tests and benchmarks write one). */
    record Entry(String countyCode, String villageCode, String category, boolean criminal, String outcome,
                 String solvedBy, long reportedAtMillis, long dispatchSeconds, long arrivalSeconds, long version)
            implements Row {

        private static final Map<String, Integer> CATEGORIES = java.util.Arrays.stream(IncidentCategory.values())
                .collect(java.util.stream.Collectors.toUnmodifiableMap(IncidentCategory::name, IncidentCategory::ordinal));

        @Override
        public int categoryIndex() {
            return category == null ? -1 : CATEGORIES.getOrDefault(category, -1);
        }

        @Override
        public boolean solved() {
            return IncidentOutcome.SOLVED.name().equals(outcome);
        }

        @Override
        public boolean solvedByStation() {
            return SolvingUnit.STATION.name().equals(solvedBy);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(IncidentTally.class);
    private static final Document FIELDS = new Document("countyCode", 1).append("villageCode", 1).append("category", 1)
            .append("criminal", 1).append("outcome", 1).append("solvedBy", 1).append("reportedAt", 1)
            .append("dispatchSeconds", 1).append("arrivalSeconds", 1).append("version", 1);
    /** A write begun longer ago than this without its after-save event failed: it no longer counts as under way. */
    private static final Duration STUCK_WRITE = Duration.ofSeconds(10);
    private static final Duration BUSY_RELOAD = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration resync;
    /** Guards {@link #rows}: written at each save, read by a KPI's whole pass. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private TallyRows rows = new TallyRows(1024);
    private final AtomicLong lastWrite = new AtomicLong();
    private final AtomicInteger writesUnderWay = new AtomicInteger();
    private volatile boolean loaded;
    private volatile Instant loadedAt = Instant.EPOCH;

    IncidentTally(MongoTemplate mongo, ObjectProvider<Clock> clock,
                  @Value("${fengqiao.incidents.kpi-resync:PT10M}") Duration resync) {
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.resync = resync;
    }

    /** Loads the tally once the application is ready, so that the first KPI request finds it. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread thread = new Thread(() -> over(rows -> null), "incident-tally-load");
        thread.setDaemon(true);
        thread.start();
    }

    @EventListener
    void saving(BeforeSaveEvent<?> event) {
        if (event.getSource() instanceof Incident) {
            lastWrite.set(System.nanoTime());
            writesUnderWay.incrementAndGet();
        }
    }

    @EventListener
    void saved(AfterSaveEvent<?> event) {
        if (event.getSource() instanceof Incident && event.getDocument() != null) {
            Document document = event.getDocument();
            Entry entry = entry(document);
            lock.writeLock().lock();
            try {
                rows.put(String.valueOf(document.get("_id")), entry);
            } finally {
                lock.writeLock().unlock();
            }
            writesUnderWay.updateAndGet(count -> Math.max(0, count - 1));
        }
    }

    /**
     * The answer of {@code pass} over every incident's row, reloaded first if the store has changed behind the
     * tally's back. Saves wait while the pass runs (a few milliseconds at 100,000 incidents), and a row handed to
     * {@code pass} is only valid until its iterator's next step ({@link TallyRows#iterator()}).
     */
    <T> T over(Function<Iterable<? extends Row>, T> pass) {
        synchronized (this) {
            Instant now = clock.instant();
            if (!loaded || now.isAfter(loadedAt.plus(resync)) || changedBehindOurBack(now)) {
                reload(now);
            }
        }
        lock.readLock().lock();
        try {
            return pass.apply(rows);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The number of incidents tallied. */
    int size() {
        lock.readLock().lock();
        try {
            return rows.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean changedBehindOurBack(Instant now) {
        long stored = mongo.getCollection(mongo.getCollectionName(Incident.class)).estimatedDocumentCount();
        if (stored == size()) {
            return false;
        }
        // a write of this process may be between its insert and its event: reload only when none is under way
        // (a write that never saw its event, because it failed, stops counting after a while), or now and then
        boolean quiet = writesUnderWay.get() == 0 || System.nanoTime() - lastWrite.get() > STUCK_WRITE.toNanos();
        if (quiet) {
            writesUnderWay.set(0);
        }
        return quiet || now.isAfter(loadedAt.plus(BUSY_RELOAD));
    }

    private void reload(Instant now) {
        long started = System.nanoTime();
        MongoCollection<Document> incidents = mongo.getCollection(mongo.getCollectionName(Incident.class));
        TallyRows fresh = new TallyRows((int) Math.min(Integer.MAX_VALUE - 8, incidents.estimatedDocumentCount() + 1024));
        incidents.find().projection(FIELDS).forEach(document -> fresh.put(String.valueOf(document.get("_id")), entry(document)));
        lock.writeLock().lock();
        try {
            // rows written meanwhile by this process are kept if newer; incidents no longer stored are dropped
            rows.keepNewerIn(fresh);
            rows = fresh;
        } finally {
            lock.writeLock().unlock();
        }
        loaded = true;
        loadedAt = now;
        log.debug("Incident tally loaded: {} incidents in {} ms", fresh.size(), (System.nanoTime() - started) / 1_000_000);
    }

    static Entry entry(Document d) {
        return new Entry(text(d.get("countyCode")), text(d.get("villageCode")), text(d.get("category")),
                Boolean.TRUE.equals(d.get("criminal")), text(d.get("outcome")), text(d.get("solvedBy")),
                millis(d.get("reportedAt")), seconds(d.get("dispatchSeconds")), seconds(d.get("arrivalSeconds")),
                d.get("version") instanceof Number v ? v.longValue() : -1);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static long millis(Object value) {
        if (value instanceof Date date) {
            return date.getTime();
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        return UNKNOWN;
    }

    private static long seconds(Object value) {
        return value instanceof Number number ? number.longValue() : UNKNOWN;
    }
}
