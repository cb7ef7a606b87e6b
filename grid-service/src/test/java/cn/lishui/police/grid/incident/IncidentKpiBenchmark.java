package cn.lishui.police.grid.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import cn.lishui.police.grid.region.MapDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The incident KPI report ({@code GET /api/grid/stats/incidents}) over a tally of 100,000 incidents, held as the
 * service holds them ({@link TallyRows}; fixed seed: 9 counties, 2,850 villages, two years, a third closed with
 * durations), city-wide and for one county,
 * a whole year against the year before: the in-process part of the 200 ms target (the endpoint adds HTTP,
 * security and one read of the village list). Run with {@code bench/jmh.sh grid-service IncidentKpiBenchmark}.
 * Each iteration also prints the benchmark thread's CPU time per call ("cpu ms/op"), which a loaded machine
 * does not inflate the way it inflates the wall-clock score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IncidentKpiBenchmark {

    static final String[] COUNTIES = {"331102", "331121", "331122", "331123", "331124", "331125", "331126", "331127",
            "331181"};

    @Param("100000")
    public int incidents;

    private TallyRows tally;
    private List<MapDirectory.Place> villages;
    private List<MapDirectory.Place> countyVillages;

    @Setup(Level.Trial)
    public void tallyOfIncidents() {
        Random random = new Random(20260415L);
        villages = new ArrayList<>();
        for (int v = 0; v < 2_850; v++) {
            String county = COUNTIES[v % COUNTIES.length];
            villages.add(new MapDirectory.Place(county + String.format("%06d", v), "村" + v, county + "101000"));
        }
        countyVillages = villages.stream().filter(v -> v.code().startsWith("331123")).toList();
        long end = Instant.parse("2026-11-28T16:00:00Z").toEpochMilli();
        IncidentCategory[] categories = IncidentCategory.values();
        tally = new TallyRows(incidents);
        for (int i = 0; i < incidents; i++) {
            MapDirectory.Place village = villages.get(random.nextInt(villages.size()));
            IncidentCategory category = categories[random.nextInt(categories.length)];
            boolean closed = random.nextInt(3) == 0;
            boolean solved = closed && category.criminalByDefault() && random.nextBoolean();
            tally.put(new UUID(random.nextLong(), random.nextLong()).toString(), new IncidentTally.Entry(village.code().substring(0, 6), village.code(), category.name(),
                    category.criminalByDefault(), closed ? (solved ? "SOLVED" : "CLEARED") : null,
                    solved ? (random.nextInt(5) == 0 ? "OTHER_UNIT" : "STATION") : null,
                    end - (long) (random.nextDouble() * 730 * 86_400_000L),
                    closed ? 30 + random.nextInt(600) : IncidentTally.UNKNOWN,
                    closed ? 240 + random.nextInt(1_500) : IncidentTally.UNKNOWN, 4));
        }
    }

    private long calls;
    private long cpuAtStart;

    @Setup(Level.Iteration)
    public void startCpuClock() {
        calls = 0;
        cpuAtStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void printCpuPerCall() {
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAtStart;
        System.out.printf(" [cpu %.2f ms/op over %d calls]", calls == 0 ? 0.0 : cpu / 1e6 / calls, calls);
    }

    @Benchmark
    public IncidentStats.Report cityYear() {
        calls++;
        return IncidentStats.tally(tally, null, LocalDate.parse("2025-11-29"), LocalDate.parse("2026-11-28"), 90,
                villages);
    }

    @Benchmark
    public IncidentStats.Report countyYear() {
        calls++;
        return IncidentStats.tally(tally, "331123", LocalDate.parse("2025-11-29"), LocalDate.parse("2026-11-28"), 90,
                countyVillages);
    }
}
