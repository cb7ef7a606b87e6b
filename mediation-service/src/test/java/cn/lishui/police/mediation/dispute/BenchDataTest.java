package cn.lishui.police.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.lishui.police.mediation.demo.DemoSeed;
import cn.lishui.police.mediation.mediator.MediatorDirectory;
import cn.lishui.police.mediation.mediator.MediatorRef;
import cn.lishui.police.platform.test.SelectedMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The benchmark's data (bench/mediation): N disputes in realistic states over two years, counted exactly by the
 * KPI counters as they were bulk-loaded, and M mediators of one organisation who differ in what matching weighs.
 */
@SpringBootTest(properties = {"fengqiao.demo-data.enabled=true", "fengqiao.delivery.enabled=false",
        "fengqiao.mediation.bench.disputes=3000", "fengqiao.mediation.bench.mediators=60"})
@SelectedMongo
class BenchDataTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KpiCounters kpis;

    @Autowired
    MediatorDirectory mediators;

    @Autowired
    BenchDisputes benchDisputes;

    @Test
    void theBulkLoadedDisputesAreCountedExactlyAndWrittenOnce() {
        Query bench = Query.query(Criteria.where("registeredBy").is(BenchDisputes.BY));
        assertThat(mongo.count(bench, Dispute.class)).isEqualTo(3000);
        KpiCounters.Counts recount = kpis.recount();
        assertThat(kpis.counts()).isEqualTo(recount);
        assertThat(kpis.stored()).isEqualTo(recount);

        benchDisputes.run(null);

        assertThat(mongo.count(bench, Dispute.class)).isEqualTo(3000);
    }

    @Test
    void theLoadersMarkTheirDisputesWrittenAndDataWithoutAMarkIsNotWrittenTwice() {
        Query bench = Query.query(Criteria.where("registeredBy").is(BenchDisputes.BY));
        assertThat(mongo.findById(BenchDisputes.BY, Document.class, SeedDisputes.SEEDS)).isNotNull();
        assertThat(mongo.findById("demo-data", Document.class, SeedDisputes.SEEDS)).isNotNull();

        // a data directory written before the marks existed: the disputes are found, not written again, and marked
        mongo.remove(Query.query(Criteria.where("_id").is(BenchDisputes.BY)), SeedDisputes.SEEDS);
        benchDisputes.run(null);

        assertThat(mongo.count(bench, Dispute.class)).isEqualTo(3000);
        assertThat(mongo.findById(BenchDisputes.BY, Document.class, SeedDisputes.SEEDS)).isNotNull();
    }

    @Test
    void theDisputesStandWhereDisputesOfTheirAgeWouldAndNothingHappensAfterNow() {
        List<Document> disputes = mongo.find(Query.query(Criteria.where("registeredBy").is(BenchDisputes.BY)),
                Document.class, "disputes");
        Date now = Date.from(Instant.now());
        Set<String> statuses = new HashSet<>();
        Set<String> counties = new HashSet<>();
        Set<String> periods = new HashSet<>();
        for (Document dispute : disputes) {
            statuses.add(dispute.getString("status"));
            counties.add(dispute.getString("countyCode"));
            periods.add(dispute.getString("period"));
            for (Document event : dispute.getList("history", Document.class)) {
                assertThat(event.getDate("at")).isBeforeOrEqualTo(now);
            }
            boolean open = List.of("REGISTERED", "ACCEPTED", "ASSIGNED", "IN_MEDIATION")
                    .contains(dispute.getString("status"));
            if (open && dispute.getDate("dueAt").before(now)) {
                // escalated as the overdue sweep would have done: the sweep is left nothing to catch up with
                assertThat(dispute.getDate("escalatedAt")).isNotNull().isAfterOrEqualTo(dispute.getDate("dueAt"));
            }
            if ("CLOSED".equals(dispute.getString("status")) && dispute.get("agreement") != null) {
                // mediated in a session, agreed, visited, closed
                assertThat(dispute.getList("sessions", Document.class)).hasSize(1)
                        .allSatisfy(session -> assertThat(session.getString("record")).isNotBlank());
                assertThat(dispute.getList("followUps", Document.class)).hasSize(1);
            }
        }
        assertThat(statuses).contains("REGISTERED", "ACCEPTED", "ASSIGNED", "IN_MEDIATION", "AGREED", "FAILED",
                "CLOSED", "WITHDRAWN", "DECLINED");
        assertThat(counties).hasSize(9);
        assertThat(periods).hasSizeGreaterThanOrEqualTo(24);
        long closed = disputes.stream().filter(d -> "CLOSED".equals(d.getString("status"))).count();
        assertThat(closed).isGreaterThan(disputes.size() / 2);
    }

    @Test
    void theBenchOrganisationsMediatorsDifferInDialectSpecialtyAreaAndCapacity() {
        List<MediatorRef> desk = mediators.activeOf(DemoSeed.BENCH_ORGANISATION);

        assertThat(desk).hasSize(60).allSatisfy(m -> assertThat(m.dialects()).contains("普通话").hasSizeGreaterThan(1));
        assertThat(desk.stream().map(MediatorRef::dialects).distinct().count()).isGreaterThan(10);
        assertThat(desk.stream().map(MediatorRef::specialties).distinct().count()).isGreaterThan(10);
        assertThat(desk.stream().map(MediatorRef::areaCodes).distinct().count()).isGreaterThan(10);
        assertThat(desk.stream().map(MediatorRef::capacity).distinct().count()).isGreaterThan(5);
    }
}
