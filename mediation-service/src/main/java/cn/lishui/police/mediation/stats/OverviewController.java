package cn.lishui.police.mediation.stats;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import cn.lishui.police.mediation.dispute.DisputeCategory;
import cn.lishui.police.mediation.dispute.KpiCounters;
import cn.lishui.police.mediation.mediator.MediatorDirectory;
import cn.lishui.police.mediation.organisation.OrganisationDirectory;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.region.CountyCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mediation KPIs, overall and by organisation, county, category and month, optionally for one county, one
 * organisation or a range of months. Every figure comes from the KPI counters ({@link KpiCounters}), kept exact
 * with every dispute write, so no dispute is read, whatever their number.
 */
@RestController
@Validated
class OverviewController {

    private final KpiCounters kpis;
    private final OrganisationDirectory organisations;
    private final MediatorDirectory mediators;
    private final Clock clock;

    OverviewController(KpiCounters kpis, OrganisationDirectory organisations, MediatorDirectory mediators,
                       ObjectProvider<Clock> clock) {
        this.kpis = kpis;
        this.organisations = organisations;
        this.mediators = mediators;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * @param from first month (2026-01), inclusive
     * @param to   last month, inclusive
     */
    @GetMapping("/api/mediation/stats/overview")
    Overview overview(@RequestParam(required = false) @CountyCode String countyCode,
                      @RequestParam(required = false) String organisationId,
                      @RequestParam(required = false) YearMonth from,
                      @RequestParam(required = false) YearMonth to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.badRequest("INVALID_PERIOD", from, to);
        }
        // the pre-aggregated counters of the matching cells (county x organisation x category x month), folded
        // here into the total and the four breakdowns: no dispute is read, whatever their number
        List<Row> cells = kpis.cells(countyCode, organisationId, from == null ? null : from.toString(),
                to == null ? null : to.toString(), clock.instant()).stream().map(Row::of).toList();
        Row total = fold(cells, Row::all).stream().findFirst().orElse(Row.EMPTY);
        List<Overview.Row> byOrganisation = named(fold(cells, Row::organisationId));
        List<Overview.Row> byCounty = fold(cells, Row::countyCode).stream().map(r -> r.row(null)).toList();
        List<Overview.Row> byCategory = fold(cells, Row::category).stream().map(r -> r.row(null)).toList();
        List<Overview.Row> byPeriod = fold(cells, Row::period).stream().map(r -> r.row(null)).toList();
        long organisationCount = organisationId != null ? 1 : organisations.count(countyCode);
        long mediatorCount = mediators.count(countyCode);
        Overview.Row all = total.row(null);
        return new Overview(organisationCount, mediatorCount, total.disputes, total.accepted, total.mediated,
                total.agreed, total.closed, all.resolutionRate(), all.successRate(), total.overdue,
                all.averageDaysToClose(), byOrganisation, byCounty, sortedByCategory(byCategory), byPeriod);
    }

    /** A cell, or a sum of cells under {@code key}. */
    private record Row(String key, KpiCounters.Cell cell, long disputes, long accepted, long mediated, long agreed,
                       long closed, long daysHundredths, long overdue) {

        static final Row EMPTY = new Row(null, null, 0, 0, 0, 0, 0, 0, 0);

        static Row of(KpiCounters.Cell cell) {
            return new Row(null, cell, cell.disputes(), cell.accepted(), cell.mediated(), cell.agreed(),
                    cell.closed(), cell.daysHundredths(), cell.overdue());
        }

        String all() {
            return "all";
        }

        String organisationId() {
            return cell.organisationId();
        }

        String countyCode() {
            return cell.countyCode();
        }

        String category() {
            return cell.category();
        }

        String period() {
            return cell.period();
        }

        Row rekeyed(String newKey) {
            return new Row(newKey, null, disputes, accepted, mediated, agreed, closed, daysHundredths, overdue);
        }

        Row plus(Row other) {
            return new Row(key, null, disputes + other.disputes, accepted + other.accepted,
                    mediated + other.mediated, agreed + other.agreed, closed + other.closed,
                    daysHundredths + other.daysHundredths, overdue + other.overdue);
        }

        Overview.Row row(String name) {
            return new Overview.Row(key, name, disputes, accepted, mediated, agreed, closed, share(mediated, accepted),
                    share(agreed, mediated), closed == 0 ? null
                    : Math.round((double) daysHundredths / 100 / closed * 10) / 10.0);
        }
    }

    /** Sums the rows by the key {@code by} gives each (rows without one under "-"), in the key's order. */
    private static List<Row> fold(List<Row> rows, Function<Row, String> by) {
        Map<String, Row> folded = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (Row row : rows) {
            String key = by.apply(row);
            folded.merge(key, row.rekeyed(key), Row::plus);
        }
        return List.copyOf(folded.values());
    }

    private List<Overview.Row> named(List<Row> rows) {
        Map<String, String> names = organisations.names(rows.stream().map(Row::key)
                .filter(Objects::nonNull).toList());
        return rows.stream().map(r -> r.row(names.get(r.key()))).toList();
    }

    private static List<Overview.Row> sortedByCategory(List<Overview.Row> rows) {
        return rows.stream().sorted(Comparator.comparingInt(r -> ordinal(r.key()))).toList();
    }

    private static int ordinal(String category) {
        try {
            return DisputeCategory.valueOf(category).ordinal();
        } catch (RuntimeException unknown) {
            return Integer.MAX_VALUE;
        }
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
