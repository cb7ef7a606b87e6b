package cn.lishui.police.grid.region;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import cn.lishui.police.platform.snapshot.StoreWrites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The last computed {@link Overview} (about 30 counting scans of the map and the officer collections on the
 * embedded store, which has no secondary indexes), answered again until something it counts changes: any
 * save or delete through the template in one of those collections (the platform's {@link StoreWrites}) (new grids, officers, chiefs, grid
 * officers, the demo set), a change of their document counts (a write that bypassed the template), or,
 * for in-place changes made elsewhere (another replica), {@code fengqiao.grid.overview-max-age} (default 10 s).
 */
@Component
class OverviewCache {

    static final List<String> COUNTED = List.of("regions", "grids", "officers", "village_chiefs", "grid_officers");

    private record Cached(Overview overview, List<Long> counts, long generation, long computedAt) {
    }

    private final MongoTemplate mongo;
    private final long maxAgeNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile Cached cached;

    OverviewCache(MongoTemplate mongo, StoreWrites writes,
                  @Value("${fengqiao.grid.overview-max-age:PT10S}") Duration maxAge) {
        this.mongo = mongo;
        this.maxAgeNanos = maxAge.toNanos();
        writes.onWrite(COUNTED, generation::incrementAndGet);
    }

    Overview get(Supplier<Overview> compute) {
        Cached current = cached;
        long now = System.nanoTime();
        if (current != null && fresh(current, now)) {
            return current.overview();
        }
        synchronized (this) {
            current = cached;
            if (current != null && fresh(current, System.nanoTime())) {
                return current.overview();
            }
            // read before counting: a write during the computation makes the next request count again
            long before = generation.get();
            List<Long> counts = counts();
            Overview overview = compute.get();
            cached = new Cached(overview, counts, before, System.nanoTime());
            return overview;
        }
    }

    private boolean fresh(Cached current, long now) {
        return current.generation() == generation.get() && now - current.computedAt() < maxAgeNanos
                && current.counts().equals(counts());
    }

    private List<Long> counts() {
        List<Long> counts = new ArrayList<>(COUNTED.size());
        for (String collection : COUNTED) {
            counts.add(mongo.getCollection(collection).estimatedDocumentCount());
        }
        return counts;
    }
}
