package cn.lishui.police.grid.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tally's compact rows give back what was put, one row per incident id, the latest version winning. */
class TallyRowsTest {

    static IncidentTally.Entry entry(String village, String category, String outcome, long reportedAt, long version) {
        return new IncidentTally.Entry(village == null ? null : village.substring(0, 6), village, category, true,
                outcome, "SOLVED".equals(outcome) ? "STATION" : null, reportedAt, 60, IncidentTally.UNKNOWN, version);
    }

    /** What a KPI pass sees, as entries (outcome and unit reduced to what the KPIs use). */
    static List<IncidentTally.Entry> seen(TallyRows rows) {
        List<IncidentTally.Entry> seen = new ArrayList<>();
        for (IncidentTally.Row row : rows) {
            String category = row.categoryIndex() < 0 ? null : IncidentCategory.values()[row.categoryIndex()].name();
            seen.add(new IncidentTally.Entry(row.countyCode(), row.villageCode(), category, row.criminal(),
                    row.solved() ? "SOLVED" : null, row.solvedByStation() ? "STATION" : null, row.reportedAtMillis(),
                    row.dispatchSeconds(), row.arrivalSeconds(), 0));
        }
        return seen;
    }

    static IncidentTally.Entry asSeen(IncidentTally.Entry e) {
        return new IncidentTally.Entry(e.countyCode(), e.villageCode(), e.categoryIndex() < 0 ? null : e.category(),
                e.criminal(), e.solved() ? "SOLVED" : null, e.solvedByStation() ? "STATION" : null,
                e.reportedAtMillis(), e.dispatchSeconds(), e.arrivalSeconds(), 0);
    }

    /** How often each row occurs (an order-free comparison that stays linear at 100,000 rows). */
    static Map<IncidentTally.Entry, Long> counted(List<IncidentTally.Entry> entries) {
        return entries.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void anIncidentKeepsOneRowAndALaterVersionReplacesItButAnEarlierOneDoesNot() {
        TallyRows rows = new TallyRows(4);
        String uuid = "0192f3a4-5b6c-7d8e-9f01-23456789abcd";
        rows.put(uuid, entry("331181101201", "THEFT", null, 1_000, 2));
        rows.put("raw-1", entry("331123101201", "FRAUD", null, 2_000, 0));
        rows.put(uuid, entry("331181101202", "THEFT", "SOLVED", 1_000, 3));
        rows.put(uuid, entry("331181101209", "DISPUTE", null, 9_000, 1));
        rows.put("raw-1", entry("331123101202", "FRAUD", "CLEARED", 2_000, 0));
        // the same UUID in capitals is another id as far as the store is concerned
        rows.put(uuid.toUpperCase(), entry("331102101201", "THEFT", null, 3_000, 0));

        assertThat(rows.size()).isEqualTo(3);
        assertThat(seen(rows)).containsExactly(
                asSeen(entry("331181101202", "THEFT", "SOLVED", 1_000, 3)),
                asSeen(entry("331123101202", "FRAUD", "CLEARED", 2_000, 0)),
                asSeen(entry("331102101201", "THEFT", null, 3_000, 0)));
    }

    @Test
    void unknownDurationsMissingCodesAndUnknownCategoriesComeBackAsTheyWere() {
        TallyRows rows = new TallyRows(1);
        IncidentTally.Entry bare = new IncidentTally.Entry(null, null, "NO_SUCH_CATEGORY", false, null, null,
                IncidentTally.UNKNOWN, IncidentTally.UNKNOWN, IncidentTally.UNKNOWN, -1);
        IncidentTally.Entry extreme = new IncidentTally.Entry("331181", null, null, false, "SOLVED", "OTHER_UNIT",
                Long.MAX_VALUE, 3_000_000_000L, 0, Long.MAX_VALUE);
        rows.put("bare", bare);
        rows.put(UUID.randomUUID().toString(), extreme);

        IncidentTally.Row first = rows.iterator().next();
        assertThat(first.categoryIndex()).isEqualTo(-1);
        assertThat(first.countyCode()).isNull();
        assertThat(first.dispatchSeconds()).isEqualTo(IncidentTally.UNKNOWN);
        assertThat(first.reportedAtMillis()).isEqualTo(IncidentTally.UNKNOWN);
        // a duration past 68 years is kept as the longest an int holds; it is not mistaken for unknown
        assertThat(seen(rows).get(1)).isEqualTo(new IncidentTally.Entry("331181", null, null, false, "SOLVED", null,
                Long.MAX_VALUE, Integer.MAX_VALUE, 0, 0));
    }

    @Test
    void aHundredThousandIncidentsWrittenTwiceInAnyOrderAreAHundredThousandRows() {
        Random random = new Random(11);
        Map<String, IncidentTally.Entry> latest = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(i % 10 == 0 ? "legacy-" + i : new UUID(random.nextLong(), random.nextLong()).toString());
        }
        TallyRows rows = new TallyRows(16);
        for (int pass = 0; pass < 2; pass++) {
            java.util.Collections.shuffle(ids, random);
            for (String id : ids) {
                IncidentTally.Entry e = entry("3311811012" + (10 + random.nextInt(90)), "THEFT",
                        random.nextBoolean() ? "SOLVED" : null, random.nextLong(1L << 41), pass);
                rows.put(id, e);
                latest.put(id, e);
            }
        }

        assertThat(rows.size()).isEqualTo(100_000);
        assertThat(counted(seen(rows))).isEqualTo(counted(latest.values().stream().map(TallyRowsTest::asSeen).toList()));
    }

    @Test
    void aReloadKeepsWhatThisProcessWroteLaterAndDropsWhatTheStoreNoLongerHas() {
        String kept = UUID.randomUUID().toString();
        String stale = UUID.randomUUID().toString();
        String gone = UUID.randomUUID().toString();
        TallyRows old = new TallyRows(4);
        old.put(kept, entry("331181101201", "THEFT", "SOLVED", 1_000, 5));
        old.put(stale, entry("331181101201", "THEFT", null, 1_000, 1));
        old.put(gone, entry("331181101201", "THEFT", null, 1_000, 1));
        old.put("raw-1", entry("331123101201", "FRAUD", "SOLVED", 2_000, 4));

        TallyRows fresh = new TallyRows(4);
        fresh.put(kept, entry("331181101201", "THEFT", null, 1_000, 4));
        fresh.put(stale, entry("331181101299", "DISPUTE", null, 7_000, 2));
        fresh.put("raw-1", entry("331123101201", "FRAUD", null, 2_000, 3));
        old.keepNewerIn(fresh);

        assertThat(fresh.size()).isEqualTo(3);
        assertThat(seen(fresh)).containsExactly(
                asSeen(entry("331181101201", "THEFT", "SOLVED", 1_000, 5)),
                asSeen(entry("331181101299", "DISPUTE", null, 7_000, 2)),
                asSeen(entry("331123101201", "FRAUD", "SOLVED", 2_000, 4)));
    }
}
