package cn.lishui.police.grid.incident;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import cn.lishui.police.grid.access.CallerArea;
import cn.lishui.police.grid.region.MapDirectory;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.security.Caller;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Crime KPIs for a county or the whole city over a period, against the same period a year earlier:
 * counts by category and their year-on-year change, zero-case villages (no criminal incident in the
 * last N days), the station share of solved criminal cases, dispatch and arrival p50/p90. {@link #report}
 * answers from the in-memory {@link IncidentTally} in one pass (about a millisecond per 10,000 incidents);
 * {@link #recount} computes the same from the store, each figure one {@code $match}/{@code $group}
 * aggregation whose match runs on an indexed field on a real MongoDB (the embedded store ignores
 * secondary indexes and reads every incident per aggregation, seconds at 100,000 incidents).
 */
@Service
class IncidentStats {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    static final int MAX_PERIOD_DAYS = 366;
    static final int MAX_ZERO_CASE_DAYS = 3650;

    record Report(String county, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
                  Count total, Count criminal, List<CategoryCount> byCategory, ZeroCase zeroCaseVillages,
                  SolvedShare solvedCriminalCases, Percentiles dispatchSeconds, Percentiles arrivalSeconds) {
    }

    /** A count now and a year earlier; the change in percent, null when there was nothing a year earlier. */
    record Count(long current, long previous, BigDecimal yoyChangePercent) {

        static Count of(long current, long previous) {
            return new Count(current, previous, previous == 0 ? null
                    : BigDecimal.valueOf((current - previous) * 100.0 / previous).setScale(2, RoundingMode.HALF_UP));
        }
    }

    record CategoryCount(IncidentCategory category, long current, long previous, BigDecimal yoyChangePercent) {
    }

    /** Villages without a criminal incident in the {@code days} up to the end of the period. */
    record ZeroCase(int days, LocalDate since, LocalDate until, long villages, long zeroCaseVillages) {
    }

    /** Criminal cases of the period solved, and the share the police stations solved. */
    record SolvedShare(long solved, long solvedByStation, BigDecimal stationSharePercent) {
    }

    record Percentiles(long count, Long p50, Long p90) {
    }

    private final MongoTemplate mongo;
    private final MapDirectory map;
    private final IncidentTally tally;

    IncidentStats(MongoTemplate mongo, MapDirectory map, IncidentTally tally) {
        this.mongo = mongo;
        this.map = map;
        this.tally = tally;
    }

    /** The KPIs from the in-memory tally of every incident ({@link IncidentTally}): one pass, no store reads. */
    Report report(LocalDate from, LocalDate to, String county, int zeroCaseDays, Caller caller) {
        String scope = scope(from, to, county, zeroCaseDays, caller);
        List<MapDirectory.Place> villages = scope == null ? map.villagesUnder("") : map.villagesUnder(scope);
        return tally.over(rows -> tally(rows, scope, from, to, zeroCaseDays, villages));
    }

    /** The report over tallied incidents (those of other counties than {@code scope} are skipped). */
    static Report tally(Iterable<? extends IncidentTally.Row> incidents, String scope, LocalDate from, LocalDate to,
                        int zeroCaseDays, List<MapDirectory.Place> villages) {
        LocalDate previousFrom = from.minusYears(1);
        LocalDate previousTo = to.minusYears(1);
        long nowFrom = start(from).toEpochMilli();
        long nowTo = start(to.plusDays(1)).toEpochMilli();
        long beforeFrom = start(previousFrom).toEpochMilli();
        long beforeTo = start(previousTo.plusDays(1)).toEpochMilli();
        LocalDate since = to.minusDays(zeroCaseDays - 1L);
        long zeroFrom = start(since).toEpochMilli();
        long zeroTo = nowTo;
        IncidentCategory[] categories = IncidentCategory.values();
        long[] nowByCategory = new long[categories.length];
        long[] beforeByCategory = new long[categories.length];
        long criminalNow = 0;
        long criminalBefore = 0;
        long solved = 0;
        long solvedByStation = 0;
        Durations dispatch = new Durations();
        Durations arrival = new Durations();
        Set<String> withCases = new HashSet<>();
        for (IncidentTally.Row e : incidents) {
            if (scope != null && !scope.equals(e.countyCode())) {
                continue;
            }
            long at = e.reportedAtMillis();
            if (at >= nowFrom && at < nowTo) {
                if (e.categoryIndex() >= 0) {
                    nowByCategory[e.categoryIndex()]++;
                }
                if (e.criminal()) {
                    criminalNow++;
                    if (e.solved()) {
                        solved++;
                        if (e.solvedByStation()) {
                            solvedByStation++;
                        }
                    }
                }
                if (e.dispatchSeconds() != IncidentTally.UNKNOWN) {
                    dispatch.add(e.dispatchSeconds());
                }
                if (e.arrivalSeconds() != IncidentTally.UNKNOWN) {
                    arrival.add(e.arrivalSeconds());
                }
            }
            // a 366-day period overlaps the year before by a day: an incident can count in both
            if (at >= beforeFrom && at < beforeTo) {
                if (e.categoryIndex() >= 0) {
                    beforeByCategory[e.categoryIndex()]++;
                }
                if (e.criminal()) {
                    criminalBefore++;
                }
            }
            if (e.criminal() && at >= zeroFrom && at < zeroTo && e.villageCode() != null) {
                withCases.add(e.villageCode());
            }
        }
        List<CategoryCount> byCategory = new ArrayList<>();
        long total = 0;
        long totalBefore = 0;
        for (IncidentCategory category : categories) {
            Count count = Count.of(nowByCategory[category.ordinal()], beforeByCategory[category.ordinal()]);
            byCategory.add(new CategoryCount(category, count.current(), count.previous(), count.yoyChangePercent()));
            total += count.current();
            totalBefore += count.previous();
        }
        return new Report(scope, from, to, previousFrom, previousTo, Count.of(total, totalBefore),
                Count.of(criminalNow, criminalBefore), byCategory, zeroCase(villages, since, to, zeroCaseDays, withCases),
                new SolvedShare(solved, solvedByStation, share(solved, solvedByStation)), dispatch.percentiles(),
                arrival.percentiles());
    }

    /** Durations of a period, unboxed; nearest-rank percentiles from the sorted values (as {@link #rank}). */
    private static final class Durations {

        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        Percentiles percentiles() {
            if (size == 0) {
                return new Percentiles(0, null, null);
            }
            java.util.Arrays.sort(values, 0, size);
            return new Percentiles(size, at(0.5), at(0.9));
        }

        private long at(double quantile) {
            return values[(int) Math.max(1, Math.ceil(quantile * size)) - 1];
        }
    }

    private static BigDecimal share(long solved, long byStation) {
        return solved == 0 ? null : BigDecimal.valueOf(byStation * 100.0 / solved).setScale(2, RoundingMode.HALF_UP);
    }

    private static ZeroCase zeroCase(List<MapDirectory.Place> villages, LocalDate since, LocalDate until, int days,
                                     Set<String> withCases) {
        long zero = villages.stream().filter(v -> !withCases.contains(v.code())).count();
        return new ZeroCase(days, since, until, villages.size(), zero);
    }

    /** Checks the request; the county the report covers (null: the whole city). */
    private String scope(LocalDate from, LocalDate to, String county, int zeroCaseDays, Caller caller) {
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS) {
            throw DomainException.badRequest("INVALID_PERIOD", MAX_PERIOD_DAYS);
        }
        if (zeroCaseDays < 1 || zeroCaseDays > MAX_ZERO_CASE_DAYS) {
            throw DomainException.badRequest("INVALID_DAYS", MAX_ZERO_CASE_DAYS);
        }
        Optional<String> own = CallerArea.countyOf(caller);
        if (own.isPresent() && county != null && !own.get().equals(county)) {
            throw DomainException.forbidden("OUTSIDE_CALLER_AREA", county);
        }
        String scope = county != null ? county : own.orElse(null);
        if (scope != null && map.county(scope).isEmpty()) {
            throw DomainException.notFound("REGION_NOT_FOUND", scope);
        }
        return scope;
    }

    /**
     * The same report recounted from the store, one aggregation per figure (what {@link #report} answered
     * before the tally): the reference the tally is tested against.
     */
    Report recount(LocalDate from, LocalDate to, String county, int zeroCaseDays, Caller caller) {
        String scope = scope(from, to, county, zeroCaseDays, caller);
        LocalDate previousFrom = from.minusYears(1);
        LocalDate previousTo = to.minusYears(1);
        // One pass per period: counts by category, criminal flag, outcome and solving unit.
        List<Document> now = group(period(scope, from, to), "category", "criminal", "outcome", "solvedBy");
        List<Document> before = group(period(scope, previousFrom, previousTo), "category", "criminal");
        Map<IncidentCategory, Long> nowByCategory = sumBy(now, "category");
        Map<IncidentCategory, Long> beforeByCategory = sumBy(before, "category");
        List<CategoryCount> byCategory = new ArrayList<>();
        long total = 0;
        long totalBefore = 0;
        for (IncidentCategory category : IncidentCategory.values()) {
            Count count = Count.of(nowByCategory.getOrDefault(category, 0L), beforeByCategory.getOrDefault(category, 0L));
            byCategory.add(new CategoryCount(category, count.current(), count.previous(), count.yoyChangePercent()));
            total += count.current();
            totalBefore += count.previous();
        }
        Count criminal = Count.of(criminalCount(now), criminalCount(before));
        return new Report(scope, from, to, previousFrom, previousTo, Count.of(total, totalBefore), criminal, byCategory,
                zeroCase(scope, to, zeroCaseDays), solved(now), percentiles(period(scope, from, to), "dispatchSeconds"),
                percentiles(period(scope, from, to), "arrivalSeconds"));
    }

    private static Criteria period(String county, LocalDate from, LocalDate to) {
        Criteria criteria = county == null ? new Criteria() : Criteria.where("countyCode").is(county);
        return criteria.and("reportedAt").gte(start(from)).lt(start(to.plusDays(1)));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(LOCAL).toInstant();
    }

    /** Counts grouped by the fields; each result has the fields under {@code _id} and the count as {@code n}. */
    private List<Document> group(Criteria match, String... fields) {
        return mongo.aggregate(Aggregation.newAggregation(Aggregation.match(match),
                Aggregation.group(fields).count().as("n")), Incident.class, Document.class).getMappedResults();
    }

    private static Object key(Document group, String field) {
        Object id = group.get("_id");
        return id instanceof Document fields ? fields.get(field) : id;
    }

    private static long n(Document group) {
        return ((Number) group.get("n")).longValue();
    }

    private static Map<IncidentCategory, Long> sumBy(List<Document> groups, String field) {
        Map<IncidentCategory, Long> counts = new EnumMap<>(IncidentCategory.class);
        for (Document group : groups) {
            Object category = key(group, field);
            if (category != null) {
                counts.merge(IncidentCategory.valueOf(category.toString()), n(group), Long::sum);
            }
        }
        return counts;
    }

    private static long criminalCount(List<Document> groups) {
        return groups.stream().filter(g -> Boolean.TRUE.equals(key(g, "criminal"))).mapToLong(IncidentStats::n).sum();
    }

    private ZeroCase zeroCase(String county, LocalDate until, int days) {
        LocalDate since = until.minusDays(days - 1L);
        Criteria match = Criteria.where("criminal").is(true).and("reportedAt").gte(start(since))
                .lt(start(until.plusDays(1)));
        if (county != null) {
            match.and("countyCode").is(county);
        }
        Set<String> withCases = new HashSet<>();
        for (Document group : group(match, "villageCode")) {
            Object village = key(group, "villageCode");
            if (village != null) {
                withCases.add(village.toString());
            }
        }
        List<MapDirectory.Place> villages = county == null ? map.villagesUnder("") : map.villagesUnder(county);
        long zero = villages.stream().filter(v -> !withCases.contains(v.code())).count();
        return new ZeroCase(days, since, until, villages.size(), zero);
    }

    private static SolvedShare solved(List<Document> groups) {
        long solved = 0;
        long byStation = 0;
        for (Document group : groups) {
            if (Boolean.TRUE.equals(key(group, "criminal"))
                    && IncidentOutcome.SOLVED.name().equals(String.valueOf(key(group, "outcome")))) {
                solved += n(group);
                if (SolvingUnit.STATION.name().equals(String.valueOf(key(group, "solvedBy")))) {
                    byStation += n(group);
                }
            }
        }
        return new SolvedShare(solved, byStation, solved == 0 ? null
                : BigDecimal.valueOf(byStation * 100.0 / solved).setScale(2, RoundingMode.HALF_UP));
    }

    /** Nearest-rank percentiles over the durations grouped by value. */
    private Percentiles percentiles(Criteria match, String field) {
        TreeMap<Long, Long> histogram = new TreeMap<>();
        for (Document group : group(Criteria.where(field).ne(null).andOperator(match), field)) {
            if (key(group, field) instanceof Number value) {
                histogram.merge(value.longValue(), n(group), Long::sum);
            }
        }
        long count = histogram.values().stream().mapToLong(Long::longValue).sum();
        return new Percentiles(count, rank(histogram, count, 0.5), rank(histogram, count, 0.9));
    }

    static Long rank(TreeMap<Long, Long> histogram, long count, double quantile) {
        if (count == 0) {
            return null;
        }
        long rank = (long) Math.ceil(quantile * count);
        long seen = 0;
        for (Map.Entry<Long, Long> entry : histogram.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey();
            }
        }
        return histogram.lastKey();
    }
}
