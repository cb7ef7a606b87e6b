package cn.lishui.police.mediation.dispute;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The KPI counters folded ahead of the requests: for each scope an overview can ask for (every dispute, one
 * county, one organisation, one organisation within one county) and each month of registration, the totals, the
 * open disputes by due date and the three breakdowns (by organisation, county, category), plus the same over all
 * months. Kept by {@link KpiCounters} under its monitor, changed with every change of a cell, so an overview folds
 * at most its months (a range) instead of every cell (about 12,000 at 100,000 disputes, five ways, per request).
 *
 * <p>A rollup holds exactly the sums of the cells under it: the test compares it with a fold of a recount.
 */
final class KpiRollups {

    static final String ALL = "all";
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Summed figures (or a change to them). */
    static final class Sums {
        long disputes;
        long accepted;
        long mediated;
        long agreed;
        long closed;
        long daysHundredths;

        void plus(long disputes, long accepted, long mediated, long agreed, long closed, long daysHundredths) {
            this.disputes += disputes;
            this.accepted += accepted;
            this.mediated += mediated;
            this.agreed += agreed;
            this.closed += closed;
            this.daysHundredths += daysHundredths;
        }

        void plus(Sums other) {
            plus(other.disputes, other.accepted, other.mediated, other.agreed, other.closed, other.daysHundredths);
        }

        boolean zero() {
            return disputes == 0 && accepted == 0 && mediated == 0 && agreed == 0 && closed == 0
                    && daysHundredths == 0;
        }

        KpiCounters.Figures figures() {
            return new KpiCounters.Figures(disputes, accepted, mediated, agreed, closed, daysHundredths);
        }
    }

    /** One scope in one month (or over all months): totals, open disputes by due date, three breakdowns. */
    private static final class Fold {
        final Sums total = new Sums();
        final TreeMap<Long, Long> openByDue = new TreeMap<>();
        final Map<String, Sums> byOrganisation = new HashMap<>();
        final Map<String, Sums> byCounty = new HashMap<>();
        final Map<String, Sums> byCategory = new HashMap<>();

        void apply(String countyCode, String organisationId, String category, Sums delta, Map<Long, Long> dueDelta) {
            total.plus(delta);
            add(byOrganisation, organisationId, delta);
            add(byCounty, countyCode, delta);
            add(byCategory, category, delta);
            dueDelta.forEach((second, n) -> {
                if (openByDue.merge(second, n, Long::sum) == 0) {
                    openByDue.remove(second);
                }
            });
        }

        boolean empty() {
            return total.zero() && openByDue.isEmpty() && byOrganisation.isEmpty() && byCounty.isEmpty()
                    && byCategory.isEmpty();
        }

        long overdue(long cutoff) {
            long overdue = 0;
            for (long n : openByDue.headMap(cutoff, false).values()) {
                overdue += n;
            }
            return overdue;
        }

        private static void add(Map<String, Sums> breakdown, String key, Sums delta) {
            Sums sums = breakdown.computeIfAbsent(key, k -> new Sums());
            sums.plus(delta);
            if (sums.zero()) {
                breakdown.remove(key);
            }
        }
    }

    /** One scope: a fold per month (null: disputes without one) and one over all months. */
    private static final class Scope {
        final Fold allMonths = new Fold();
        final TreeMap<String, Fold> byMonth = new TreeMap<>(NULLS_FIRST);
    }

    private final Map<String, Scope> scopes = new HashMap<>();

    /** Adds a change of one cell: its dimensions, the change of its figures and of its open disputes by due date. */
    void apply(String countyCode, String organisationId, String category, String period, Sums delta,
               Map<Long, Long> dueDelta) {
        if (delta.zero() && dueDelta.isEmpty()) {
            return;
        }
        apply(ALL, countyCode, organisationId, category, period, delta, dueDelta);
        if (countyCode != null) {
            apply(countyScope(countyCode), countyCode, organisationId, category, period, delta, dueDelta);
        }
        if (organisationId != null) {
            apply(organisationScope(organisationId), countyCode, organisationId, category, period, delta, dueDelta);
            if (countyCode != null) {
                apply(bothScope(countyCode, organisationId), countyCode, organisationId, category, period, delta,
                        dueDelta);
            }
        }
    }

    private void apply(String scopeKey, String countyCode, String organisationId, String category, String period,
                       Sums delta, Map<Long, Long> dueDelta) {
        Scope scope = scopes.computeIfAbsent(scopeKey, k -> new Scope());
        scope.allMonths.apply(countyCode, organisationId, category, delta, dueDelta);
        Fold month = scope.byMonth.computeIfAbsent(period, p -> new Fold());
        month.apply(countyCode, organisationId, category, delta, dueDelta);
        if (month.empty()) {
            scope.byMonth.remove(period);
        }
        if (scope.allMonths.empty()) {
            scopes.remove(scopeKey);
        }
    }

    /**
     * The KPIs of the disputes of a county and/or organisation (null: any) registered in a range of months
     * (inclusive, "2026-01"; null: open-ended), overdue counted before {@code cutoff} (epoch second).
     */
    KpiCounters.Summary summary(String countyCode, String organisationId, String fromPeriod, String toPeriod,
                                long cutoff) {
        String key = organisationId == null ? countyCode == null ? ALL : countyScope(countyCode)
                : countyCode == null ? organisationScope(organisationId) : bothScope(countyCode, organisationId);
        Scope scope = scopes.get(key);
        if (scope == null) {
            return KpiCounters.Summary.EMPTY;
        }
        if (fromPeriod == null && toPeriod == null) {
            SortedMap<String, KpiCounters.Figures> byPeriod = new TreeMap<>(NULLS_FIRST);
            scope.byMonth.forEach((period, fold) -> byPeriod.put(period, fold.total.figures()));
            return summary(scope.allMonths.total, scope.allMonths.overdue(cutoff), scope.allMonths.byOrganisation,
                    scope.allMonths.byCounty, scope.allMonths.byCategory, byPeriod);
        }
        if (fromPeriod != null && toPeriod != null && fromPeriod.compareTo(toPeriod) > 0) {
            return KpiCounters.Summary.EMPTY;
        }
        // a range: only months that have one (a dispute without a month is outside every range)
        NavigableMap<String, Fold> months = scope.byMonth;
        if (months.containsKey(null)) {
            months = months.tailMap(null, false);
        }
        if (fromPeriod != null) {
            months = months.tailMap(fromPeriod, true);
        }
        if (toPeriod != null) {
            months = months.headMap(toPeriod, true);
        }
        Sums total = new Sums();
        long overdue = 0;
        Map<String, Sums> byOrganisation = new HashMap<>();
        Map<String, Sums> byCounty = new HashMap<>();
        Map<String, Sums> byCategory = new HashMap<>();
        SortedMap<String, KpiCounters.Figures> byPeriod = new TreeMap<>(NULLS_FIRST);
        for (Map.Entry<String, Fold> month : months.entrySet()) {
            Fold fold = month.getValue();
            total.plus(fold.total);
            overdue += fold.overdue(cutoff);
            merge(byOrganisation, fold.byOrganisation);
            merge(byCounty, fold.byCounty);
            merge(byCategory, fold.byCategory);
            byPeriod.put(month.getKey(), fold.total.figures());
        }
        return summary(total, overdue, byOrganisation, byCounty, byCategory, byPeriod);
    }

    private static void merge(Map<String, Sums> into, Map<String, Sums> from) {
        from.forEach((key, sums) -> into.computeIfAbsent(key, k -> new Sums()).plus(sums));
    }

    private static KpiCounters.Summary summary(Sums total, long overdue, Map<String, Sums> byOrganisation,
                                               Map<String, Sums> byCounty, Map<String, Sums> byCategory,
                                               SortedMap<String, KpiCounters.Figures> byPeriod) {
        return new KpiCounters.Summary(total.figures(), overdue, sorted(byOrganisation), sorted(byCounty),
                sorted(byCategory), byPeriod);
    }

    private static SortedMap<String, KpiCounters.Figures> sorted(Map<String, Sums> breakdown) {
        SortedMap<String, KpiCounters.Figures> sorted = new TreeMap<>(NULLS_FIRST);
        breakdown.forEach((key, sums) -> {
            if (!sums.zero()) {
                sorted.put(key, sums.figures());
            }
        });
        return sorted;
    }

    private static String countyScope(String countyCode) {
        return "c|" + countyCode;
    }

    private static String organisationScope(String organisationId) {
        return "o|" + organisationId;
    }

    private static String bothScope(String countyCode, String organisationId) {
        return "co|" + countyCode + "|" + organisationId;
    }
}
