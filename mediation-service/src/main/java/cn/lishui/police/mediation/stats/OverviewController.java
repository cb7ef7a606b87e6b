package cn.lishui.police.mediation.stats;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * with every dispute write and folded ahead by scope and month, so no dispute is read and no cell folded per
 * request, whatever their number.
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
        // the KPI counters folded ahead by scope and month (KpiCounters.summary): no dispute is read and no cell
        // folded per request, whatever their number
        KpiCounters.Summary summary = kpis.summary(countyCode, organisationId, from == null ? null : from.toString(),
                to == null ? null : to.toString(), clock.instant());
        Map<String, String> names = organisations.names(summary.byOrganisation().keySet().stream()
                .filter(Objects::nonNull).toList());
        List<Overview.Row> byOrganisation = rows(summary.byOrganisation(), names);
        List<Overview.Row> byCounty = rows(summary.byCounty(), Map.of());
        List<Overview.Row> byCategory = rows(summary.byCategory(), Map.of());
        List<Overview.Row> byPeriod = rows(summary.byPeriod(), Map.of());
        long organisationCount = organisationId != null ? 1 : organisations.count(countyCode);
        long mediatorCount = mediators.count(countyCode);
        KpiCounters.Figures total = summary.total();
        Overview.Row all = row(null, null, total);
        return new Overview(organisationCount, mediatorCount, total.disputes(), total.accepted(), total.mediated(),
                total.agreed(), total.closed(), all.resolutionRate(), all.successRate(), summary.overdue(),
                all.averageDaysToClose(), byOrganisation, byCounty, sortedByCategory(byCategory), byPeriod);
    }

    /** A breakdown's rows in its keys' order, each named from {@code names} (null when absent). */
    private static List<Overview.Row> rows(Map<String, KpiCounters.Figures> breakdown, Map<String, String> names) {
        List<Overview.Row> rows = new ArrayList<>(breakdown.size());
        breakdown.forEach((key, figures) -> rows.add(row(key, key == null ? null : names.get(key), figures)));
        return List.copyOf(rows);
    }

    private static Overview.Row row(String key, String name, KpiCounters.Figures f) {
        return new Overview.Row(key, name, f.disputes(), f.accepted(), f.mediated(), f.agreed(), f.closed(),
                share(f.mediated(), f.accepted()), share(f.agreed(), f.mediated()), f.closed() == 0 ? null
                : Math.round((double) f.daysHundredths() / 100 / f.closed() * 10) / 10.0);
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
