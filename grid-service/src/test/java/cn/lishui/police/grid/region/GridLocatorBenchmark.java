package cn.lishui.police.grid.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Point-in-grid lookups over the full demo map (3,512 grid polygons in an STR-tree), in process: the
 * target is at least 100,000 lookups a second. Points are drawn at random over Lishui's modelled area,
 * so most fall inside a grid and some on no grid at all (outside every village's tiling).
 * Run with {@code bench/jmh.sh grid-service GridLocatorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GridLocatorBenchmark {

    private GridLocator locator;
    private Coordinates[] points;
    private int next;

    @Setup(Level.Trial)
    public void indexTheDemoMap() {
        DemoMap.Generated map = DemoMap.generate(1.0);
        List<Region> regions = new ArrayList<>(map.towns());
        regions.addAll(map.villages());
        locator = new GridLocator(null);
        locator.load(map.grids(), regions);
        Random random = new Random(42);
        DemoMap.Area area = DemoMap.LISHUI;
        points = new Coordinates[4096];
        for (int i = 0; i < points.length; i++) {
            points[i] = new Coordinates(area.south() + random.nextDouble() * (area.north() - area.south()),
                    area.west() + random.nextDouble() * (area.east() - area.west()));
        }
    }

    @Benchmark
    @Threads(1)
    public void locateOneThread(Blackhole sink) {
        sink.consume(locator.locate(points[next++ & (points.length - 1)]));
    }

    @Benchmark
    @Threads(2)
    public void locateTwoThreads(Blackhole sink) {
        // the index is immutable once built: threads share it without locks (next is racy on purpose: any point will do)
        sink.consume(locator.locate(points[next++ & (points.length - 1)]));
    }
}
