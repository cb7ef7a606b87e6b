package cn.lishui.police.grid.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import cn.lishui.police.grid.GridFixture;
import cn.lishui.police.platform.security.Caller;
import cn.lishui.police.platform.test.SelectedMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The KPIs from the in-memory tally equal a recount from the store, whatever the incidents went through. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class IncidentTallyTest {

    static final String[] VILLAGES = {"331181101201", "331181101202", "331181102203", "331123101201", "331123101202"};
    static final Caller CITY = new Caller("commander-city", "commander-city", Set.of("COMMANDER"), null, null, null);
    static final Incident.Actor COMMANDER = new Incident.Actor("commander", true, false);
    static final Incident.Actor OFFICER = new Incident.Actor("officer", false, true);
    static final Incident.Officer PATROL = new Incident.Officer("o1", "叶警官", "station-331181-01");

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    IncidentStats stats;

    @Test
    void theTallyEqualsARecountAfterIntakeTransitionsReopensAndWritesBehindItsBack() {
        GridFixture fixture = new GridFixture(http, mongo).clear("incidents");
        for (String village : VILLAGES) {
            fixture.village(village, "村" + village.substring(9));
        }
        Random random = new Random(7);
        Instant end = Instant.parse("2026-06-30T16:00:00Z");
        List<Incident> written = new ArrayList<>();
        // intake and every transition through the template, as the service writes them
        for (int i = 0; i < 400; i++) {
            IncidentCategory category = IncidentCategory.values()[random.nextInt(IncidentCategory.values().length)];
            String village = VILLAGES[random.nextInt(VILLAGES.length)];
            Instant at = end.minusSeconds(random.nextInt(800 * 86_400));
            // ids as the service writes them (UUIDs) and as a raw write may (any text)
            String id = i % 2 == 0 ? new UUID(random.nextLong(), random.nextLong()).toString() : "tally-" + i;
            Incident incident = mongo.insert(Incident.report(id, "T" + i, category, random.nextBoolean(),
                    "tally", new Incident.Place(null, null, null, null, village, village.substring(0, 9) + "000",
                            village.substring(0, 6)), null, null, "commander", at));
            int steps = random.nextInt(5);
            if (steps > 0) {
                incident.dispatch(PATROL, COMMANDER, at.plusSeconds(random.nextInt(900)));
                incident = mongo.save(incident);
            }
            if (steps > 1) {
                incident.acknowledge(OFFICER, at.plusSeconds(1_000));
                incident.arrive(OFFICER, at.plusSeconds(1_000 + random.nextInt(3_000)));
                incident = mongo.save(incident);
            }
            if (steps > 2) {
                IncidentOutcome outcome = random.nextBoolean() ? IncidentOutcome.SOLVED : IncidentOutcome.CLEARED;
                incident.close(outcome, random.nextBoolean() ? SolvingUnit.STATION : SolvingUnit.OTHER_UNIT, null, null,
                        List.of(), OFFICER, at.plusSeconds(9_000));
                incident = mongo.save(incident);
            }
            if (steps > 3) {
                incident.reopen("again", COMMANDER, at.plusSeconds(10_000));
                incident = mongo.save(incident);
            }
            written.add(incident);
        }
        assertSameAsRecount();

        // an incident written behind the tally's back (another replica, say) is found by the count
        mongo.getCollection("incidents").insertOne(new Document("_id", "raw-1").append("number", "R1")
                .append("category", "THEFT").append("criminal", true).append("villageCode", VILLAGES[0])
                .append("countyCode", "331181").append("reportedAt", Date.from(Instant.parse("2026-06-01T02:00:00Z")))
                .append("status", "CLOSED").append("outcome", "SOLVED").append("solvedBy", "STATION")
                .append("dispatchSeconds", 77L).append("arrivalSeconds", 99L));
        // and a closed one reopened through the template
        Incident closed = written.stream().filter(w -> w.status() == IncidentStatus.CLOSED).findFirst().orElseThrow();
        closed.reopen("new evidence", COMMANDER, Instant.parse("2026-06-30T00:00:00Z"));
        mongo.save(closed);
        // the count check waits for a quiet second after this process's own writes
        sleepPastQuietPeriod();
        assertSameAsRecount();
    }

    void assertSameAsRecount() {
        LocalDate[][] periods = {
                {LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")},
                {LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-30")},
                {LocalDate.parse("2025-07-01"), LocalDate.parse("2026-07-01")},
                {LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-01")}};
        long seen = 0;
        for (LocalDate[] period : periods) {
            for (String county : new String[] {null, "331181", "331123"}) {
                for (int days : new int[] {1, 30, 365}) {
                    IncidentStats.Report tallied = stats.report(period[0], period[1], county, days, CITY);
                    IncidentStats.Report recounted = stats.recount(period[0], period[1], county, days, CITY);
                    assertThat(tallied).as("%s..%s county %s, %d days", period[0], period[1], county, days)
                            .isEqualTo(recounted);
                    seen += tallied.total().current() + tallied.dispatchSeconds().count()
                            + tallied.solvedCriminalCases().solved();
                }
            }
        }
        assertThat(seen).as("the comparison covers incidents, durations and solved cases").isGreaterThan(1_000);
    }

    static void sleepPastQuietPeriod() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
