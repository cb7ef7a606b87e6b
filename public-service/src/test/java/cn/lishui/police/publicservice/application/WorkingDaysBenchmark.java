package cn.lishui.police.publicservice.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The working-day arithmetic behind every application's due date and SLA countdown: adding a promised
 * limit (1, 5, 20 working days) to a start date across a year with the 2026 holidays and make-up days.
 * Run with {@code bench/jmh.sh public-service WorkingDaysBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WorkingDaysBenchmark {

    @Param({"1", "5", "20"})
    public int limit;

    private WorkingDays days;
    private LocalDate[] starts;
    private int next;

    @Setup
    public void calendar() {
        List<LocalDate> holidays = new ArrayList<>();
        holidays.add(LocalDate.of(2026, 1, 1));
        IntStream.rangeClosed(15, 23).forEach(day -> holidays.add(LocalDate.of(2026, 2, day)));
        IntStream.rangeClosed(1, 5).forEach(day -> holidays.add(LocalDate.of(2026, 5, day)));
        IntStream.rangeClosed(1, 7).forEach(day -> holidays.add(LocalDate.of(2026, 10, day)));
        days = new WorkingDays(holidays, List.of(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 9, 20),
                LocalDate.of(2026, 10, 10)));
        starts = new LocalDate[256];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = LocalDate.of(2026, 1, 1).plusDays(i * 365L / starts.length);
        }
    }

    @Benchmark
    public LocalDate dueDate() {
        return days.addWorkingDays(starts[next++ & (starts.length - 1)], limit);
    }
}
