package cn.lishui.police.mediation.stats;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import cn.lishui.police.mediation.dispute.DisputeCategory;
import cn.lishui.police.mediation.mediator.MediatorDirectory;
import cn.lishui.police.mediation.organisation.OrganisationDirectory;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.region.CountyCode;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.GroupOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mediation KPIs, overall and by organisation, county, category and month, optionally for one county, one
 * organisation or a range of months. Every figure comes from a $match on indexed fields and a $group summing the
 * 0/1 counters each dispute carries, so no dispute document is loaded, whatever their number.
 */
@RestController
@Validated
class OverviewController {

    private static final List<String> OPEN = List.of("REGISTERED", "ACCEPTED", "ASSIGNED", "IN_MEDIATION");

    private final MongoTemplate mongo;
    private final OrganisationDirectory organisations;
    private final MediatorDirectory mediators;
    private final Clock clock;

    OverviewController(MongoTemplate mongo, OrganisationDirectory organisations, MediatorDirectory mediators,
                       ObjectProvider<Clock> clock) {
        this.mongo = mongo;
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
        Criteria match = new Criteria();
        if (countyCode != null) {
            match.and("countyCode").is(countyCode);
        }
        if (organisationId != null) {
            match.and("organisationId").is(organisationId);
        }
        if (from != null || to != null) {
            Criteria period = match.and("period");
            if (from != null) {
                period.gte(from.toString());
            }
            if (to != null) {
                period.lte(to.toString());
            }
        }
        // two scans: one grouped by (county, category, month), folded here into the total and three breakdowns
        // (at most 9 x 8 x months rows), and one by organisation
        List<Row> cells = group(match, "countyCode", "category", "period");
        Row total = fold(cells, cell -> "all").stream().findFirst().orElse(Row.EMPTY);
        Criteria overdue = Criteria.where("status").in(OPEN).and("dueAt").lt(clock.instant());
        long overdueCount = mongo.count(Query.query(new Criteria().andOperator(match, overdue)), "disputes");

        List<Overview.Row> byOrganisation = named(group(match, "organisationId"));
        List<Overview.Row> byCounty = fold(cells, cell -> cell.key().split("\\|")[0]).stream()
                .map(r -> r.row(null)).toList();
        List<Overview.Row> byCategory = fold(cells, cell -> cell.key().split("\\|")[1]).stream()
                .map(r -> r.row(null)).toList();
        List<Overview.Row> byPeriod = fold(cells, cell -> cell.key().split("\\|")[2]).stream()
                .map(r -> r.row(null)).toList();
        long organisationCount = organisationId != null ? 1 : organisations.count(countyCode);
        long mediatorCount = mediators.count(countyCode);
        Overview.Row all = total.row(null);
        return new Overview(organisationCount, mediatorCount, total.disputes, total.accepted, total.mediated,
                total.agreed, total.closed, all.resolutionRate(), all.successRate(), overdueCount,
                all.averageDaysToClose(), byOrganisation, byCounty, sortedByCategory(byCategory), byPeriod);
    }

    private record Row(String key, long disputes, long accepted, long mediated, long agreed, long closed,
                       double days) {

        static final Row EMPTY = new Row(null, 0, 0, 0, 0, 0, 0);

        Row rekeyed(String newKey) {
            return new Row(newKey, disputes, accepted, mediated, agreed, closed, days);
        }

        Row plus(Row other) {
            return new Row(key, disputes + other.disputes, accepted + other.accepted, mediated + other.mediated,
                    agreed + other.agreed, closed + other.closed, days + other.days);
        }

        Overview.Row row(String name) {
            return new Overview.Row(key, name, disputes, accepted, mediated, agreed, closed, share(mediated, accepted),
                    share(agreed, mediated), closed == 0 ? null : Math.round(days / closed * 10) / 10.0);
        }
    }

    /** Sums the rows by the key {@code by} gives each, in the key's order. */
    private static List<Row> fold(List<Row> rows, Function<Row, String> by) {
        Map<String, Row> folded = new TreeMap<>();
        for (Row row : rows) {
            folded.merge(by.apply(row), row.rekeyed(by.apply(row)), Row::plus);
        }
        return List.copyOf(folded.values());
    }

    /** One $match and one $group on {@code keys}; a row's key joins the group's key values with "|". */
    private List<Row> group(Criteria match, String... keys) {
        GroupOperation group = Aggregation.group(keys)
                .count().as("disputes")
                .sum("kpi.accepted").as("accepted")
                .sum("kpi.mediated").as("mediated")
                .sum("kpi.agreed").as("agreed")
                .sum("kpi.closed").as("closed")
                .sum("kpi.daysToClose").as("days");
        Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(match), group,
                Aggregation.sort(Sort.by("_id")));
        List<Row> rows = new ArrayList<>();
        for (Document d : mongo.aggregate(aggregation, "disputes", Document.class).getMappedResults()) {
            rows.add(new Row(keyOf(d.get("_id"), keys), number(d, "disputes"), number(d, "accepted"),
                    number(d, "mediated"), number(d, "agreed"), number(d, "closed"),
                    d.get("days") instanceof Number n ? n.doubleValue() : 0));
        }
        return rows;
    }

    private static String keyOf(Object id, String[] keys) {
        if (id instanceof Document composite) {
            StringBuilder key = new StringBuilder();
            for (String name : keys) {
                key.append(key.isEmpty() ? "" : "|").append(composite.get(name));
            }
            return key.toString();
        }
        return id == null ? null : id.toString();
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

    private static long number(Document document, String field) {
        return document.get(field) instanceof Number n ? n.longValue() : 0;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
