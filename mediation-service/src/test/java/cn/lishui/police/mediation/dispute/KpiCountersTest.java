package cn.lishui.police.mediation.dispute;

import static cn.lishui.police.mediation.dispute.DisputeFixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import cn.lishui.police.mediation.GridStub;
import cn.lishui.police.mediation.MediationApiTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The KPI counters stay equal to a recount of the disputes through every kind of write (intake, acceptance
 * into another organisation, assignment, agreement, a follow-up that reopens, failure, closing, withdrawal,
 * decline, an upheld recusal), in memory and in the store, and are rebuilt at start when missing or after an
 * unclean stop.
 */
class KpiCountersTest extends MediationApiTestBase {

    private static final String COUNTY = "331126";

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KpiCounters kpis;

    @Test
    void theCountersEqualARecountAfterEveryKindOfTransition() {
        DisputeFixtures fixtures = new DisputeFixtures(http);
        String village = DisputeFixtures.freshVillage(COUNTY);
        GridStub.get().village(village, "庆元村");
        String head = DisputeFixtures.unique("head");
        String routed = fixtures.organisation(COUNTY, "GOVERNANCE_CENTRE", head);
        String other = fixtures.organisation(COUNTY, "PEOPLES_MEDIATION_COMMITTEE", head);
        String mediatorSubject = DisputeFixtures.unique("mediator");
        String mediator = fixtures.mediator(other, mediatorSubject, List.of("NEIGHBOUR"), List.of("庆元话"), 20);
        String secondSubject = DisputeFixtures.unique("mediator");
        String second = fixtures.mediator(other, secondSubject, List.of("NEIGHBOUR"), List.of(), 20);
        String headToken = bearer(head, "MEDIATOR");
        String desk = bearer(mediatorSubject, "MEDIATOR");
        String citizen = bearer(DisputeFixtures.unique("citizen"), "CITIZEN");

        String[] ids = new String[6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = fixtures.open(citizen, DisputeFixtures.citizenIntake(village, routed)).get("id").asString();
        }
        assertEqualToRecount();
        long loadBefore = kpis.caseload(mediator);
        for (int i = 0; i < 5; i++) {
            // accepted into another organisation than the one intake routed it to: the dispute changes cell
            fixtures.act(headToken, ids[i], "accept", Map.of("organisationId", other)).expectStatus().isOk();
            fixtures.act(headToken, ids[i], "assign", Map.of("mediatorId", mediator)).expectStatus().isOk();
        }
        assertThat(kpis.caseload(mediator)).isEqualTo(loadBefore + 5);
        for (int i = 0; i < 3; i++) {
            fixtures.act(desk, ids[i], "start", null).expectStatus().isOk();
        }
        JsonNode first = fixtures.get(desk, ids[0]);
        fixtures.act(desk, ids[0], "agree", Map.of("agreement", DisputeFixtures.agreement(first)))
                .expectStatus().isOk();
        fixtures.act(desk, ids[0], "follow-up", Map.of("result", "NOT_PERFORMED", "reopen", true))
                .expectStatus().isOk();
        assertEqualToRecount();
        fixtures.act(desk, ids[0], "agree", Map.of("agreement", DisputeFixtures.agreement(first)))
                .expectStatus().isOk();
        fixtures.act(desk, ids[0], "follow-up", Map.of("result", "PERFORMED")).expectStatus().isOk();
        fixtures.act(desk, ids[0], "close", null).expectStatus().isOk();
        fixtures.act(desk, ids[1], "fail", Map.of("referral", "LITIGATION", "reason", "一方起诉"))
                .expectStatus().isOk();
        fixtures.act(desk, ids[1], "close", null).expectStatus().isOk();
        fixtures.act(citizen, ids[2], "withdraw", Map.of("reason", "已自行和解")).expectStatus().isOk();
        fixtures.act(headToken, ids[5], "decline", Map.of("reason", "已起诉至法院")).expectStatus().isOk();
        // an upheld recusal without a replacement takes the case off the mediator's desk
        JsonNode recusal = http.post().uri("/api/mediation/disputes/{id}/recusals", ids[3])
                .header("Authorization", citizen).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("mediatorId", mediator, "reason", "调解员与对方是亲戚")).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        Map<String, Object> uphold = new HashMap<>();
        uphold.put("uphold", true);
        http.post().uri("/api/mediation/disputes/{id}/recusals/{r}/actions/review", ids[3],
                        recusal.get("recusalId").asString())
                .header("Authorization", headToken).contentType(MediaType.APPLICATION_JSON).body(uphold).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");
        fixtures.act(headToken, ids[3], "assign", Map.of("mediatorId", second)).expectStatus().isOk();

        // on the mediator's desk: ids[4] (assigned); ids[0] closed, [1] closed, [2] withdrawn, [3] recused
        assertThat(kpis.caseload(mediator)).isEqualTo(loadBefore + 1);
        assertEqualToRecount();

        JsonNode overview = http.get().uri("/api/mediation/stats/overview?organisationId={o}", other)
                .header("Authorization", headToken).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(overview.get("disputes").asLong()).isEqualTo(5);
        assertThat(overview.get("accepted").asLong()).isEqualTo(5);
        assertThat(overview.get("mediated").asLong()).isEqualTo(2);
        assertThat(overview.get("agreed").asLong()).isEqualTo(1);
        assertThat(overview.get("closed").asLong()).isEqualTo(2);
        JsonNode routedOverview = http.get().uri("/api/mediation/stats/overview?organisationId={o}", routed)
                .header("Authorization", headToken).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(routedOverview.get("disputes").asLong()).isEqualTo(1);
        assertThat(routedOverview.get("accepted").asLong()).isZero();
    }

    @Test
    void missingCountersAreRebuiltAtStartFromTheDisputes() {
        openOne();
        mongo.dropCollection(KpiCounters.COLLECTION);

        kpis.afterSingletonsInstantiated();

        assertThat(kpis.counts().cells()).isNotEmpty();
        assertEqualToRecount();
    }

    @Test
    void countersLeftByAnUncleanStopAreRebuiltAndCleanOnesLoaded() {
        openOne();
        // a crash between a dispute's save and its increment: one cell off in the store, the run not ended cleanly
        String cell = kpis.stored().cells().keySet().iterator().next();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(cell)), new Update().inc("disputes", 1),
                KpiCounters.COLLECTION);
        mongo.upsert(Query.query(Criteria.where("_id").is("~state")), new Update().set("cleanStop", false),
                KpiCounters.COLLECTION);

        kpis.afterSingletonsInstantiated();

        assertEqualToRecount();

        // a clean stop: the next start loads the counters as stored (the same as a recount)
        kpis.destroy();
        Document state = mongo.findById("~state", Document.class, KpiCounters.COLLECTION);
        assertThat(state.getBoolean("cleanStop")).isTrue();
        kpis.afterSingletonsInstantiated();
        assertEqualToRecount();
        assertThat(mongo.findById("~state", Document.class, KpiCounters.COLLECTION).getBoolean("cleanStop"))
                .isFalse();
    }

    private void openOne() {
        DisputeFixtures fixtures = new DisputeFixtures(http);
        String village = DisputeFixtures.freshVillage(COUNTY);
        GridStub.get().village(village, "庆元村");
        String organisation = fixtures.organisation(COUNTY, "GOVERNANCE_CENTRE", DisputeFixtures.unique("head"));
        fixtures.open(bearer(DisputeFixtures.unique("citizen"), "CITIZEN"),
                DisputeFixtures.citizenIntake(village, organisation));
    }

    private void assertEqualToRecount() {
        KpiCounters.Counts recount = kpis.recount();
        assertThat(kpis.counts()).isEqualTo(recount);
        assertThat(kpis.stored()).isEqualTo(recount);
        assertSummariesEqualAFoldOf(recount);
    }

    /**
     * What the overview shows (totals, overdue, the four breakdowns) for every scope and some ranges of months
     * equals the sums of the recounted cells that match, folded here the plain way.
     */
    private void assertSummariesEqualAFoldOf(KpiCounters.Counts recount) {
        Instant now = Instant.now();
        String thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        List<String> counties = new ArrayList<>(Arrays.asList(null, COUNTY, "331102"));
        List<String> organisations = new ArrayList<>(Arrays.asList((String) null));
        recount.cells().values().stream().filter(c -> COUNTY.equals(c.countyCode()))
                .map(KpiCounters.Counter::organisationId).distinct().forEach(organisations::add);
        String[][] ranges = {{null, null}, {thisMonth, thisMonth}, {"2020-01", null}, {null, thisMonth},
                {null, "2020-12"}, {"2020-01", "2020-12"}};
        for (String county : counties) {
            for (String organisation : organisations) {
                for (String[] range : ranges) {
                    KpiCounters.Summary expected = fold(recount, county, organisation, range[0], range[1], now);
                    assertThat(kpis.summary(county, organisation, range[0], range[1], now))
                            .as("county %s, organisation %s, months %s..%s", county, organisation, range[0], range[1])
                            .isEqualTo(expected);
                }
            }
        }
    }

    private static KpiCounters.Summary fold(KpiCounters.Counts counts, String county, String organisation,
                                            String from, String to, Instant now) {
        long[] total = new long[6];
        long overdue = 0;
        List<Map<String, long[]>> breakdowns = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>());
        for (KpiCounters.Counter cell : counts.cells().values()) {
            if ((county != null && !county.equals(cell.countyCode()))
                    || (organisation != null && !organisation.equals(cell.organisationId()))
                    || (from != null && (cell.period() == null || cell.period().compareTo(from) < 0))
                    || (to != null && (cell.period() == null || cell.period().compareTo(to) > 0))) {
                continue;
            }
            long[] figures = {cell.disputes(), cell.accepted(), cell.mediated(), cell.agreed(), cell.closed(),
                    cell.daysHundredths()};
            add(total, figures);
            for (Map.Entry<Long, Long> due : cell.openByDue().entrySet()) {
                if (due.getKey() < now.getEpochSecond()) {
                    overdue += due.getValue();
                }
            }
            String[] keys = {cell.organisationId(), cell.countyCode(), cell.category(), cell.period()};
            for (int i = 0; i < keys.length; i++) {
                add(breakdowns.get(i).computeIfAbsent(keys[i], k -> new long[6]), figures);
            }
        }
        return new KpiCounters.Summary(figures(total), overdue, sorted(breakdowns.get(0)), sorted(breakdowns.get(1)),
                sorted(breakdowns.get(2)), sorted(breakdowns.get(3)));
    }

    private static void add(long[] into, long[] figures) {
        for (int i = 0; i < into.length; i++) {
            into[i] += figures[i];
        }
    }

    private static KpiCounters.Figures figures(long[] f) {
        return new KpiCounters.Figures(f[0], f[1], f[2], f[3], f[4], f[5]);
    }

    private static SortedMap<String, KpiCounters.Figures> sorted(Map<String, long[]> breakdown) {
        SortedMap<String, KpiCounters.Figures> sorted = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        breakdown.forEach((key, f) -> sorted.put(key, figures(f)));
        return sorted;
    }
}
