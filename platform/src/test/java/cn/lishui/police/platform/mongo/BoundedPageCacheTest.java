package cn.lishui.police.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.cache.CacheLongKeyLIRS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's page cache holds no more than its budget: a page it evicted is not taken back (over the
 * budget) while something else still holds it, but read again and put, which evicts others.
 */
class BoundedPageCacheTest {

    private static final int BUDGET = 64 * 1024;
    private static final int PAGE = 1024;

    @TempDir
    Path dataDir;

    /** Fills a cache to four times its budget, keeping every page (as queries and the collector's delay do). */
    private static List<Object> fill(CacheLongKeyLIRS<Object> cache) {
        List<Object> pages = new ArrayList<>();
        for (long key = 1; key <= 4L * BUDGET / PAGE; key++) {
            Object page = new byte[PAGE];
            pages.add(page);
            cache.put(key, page, PAGE);
        }
        return pages;
    }

    private static int takenBack(CacheLongKeyLIRS<Object> cache, List<Object> pages) {
        int found = 0;
        for (long key = 1; key <= pages.size(); key++) {
            if (cache.get(key) != null) {
                found++;
            }
        }
        return found;
    }

    @Test
    void evictedPagesThatAreStillReachableAreMissesAndTheCacheStaysWithinItsBudget() {
        CacheLongKeyLIRS<Object> bounded = new BoundedPageCache<>(BUDGET);
        List<Object> pages = fill(bounded);

        int found = takenBack(bounded, pages);

        assertThat(found).isLessThanOrEqualTo(BUDGET / PAGE);
        assertThat(bounded.getUsedMemory()).isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void h2sOwnCacheTakesThemBackOverItsBudget() {
        // what the bounded cache is for: with H2's cache the same reads end far above the budget
        CacheLongKeyLIRS.Config config = new CacheLongKeyLIRS.Config();
        config.maxMemory = BUDGET;
        CacheLongKeyLIRS<Object> stock = new CacheLongKeyLIRS<>(config);
        List<Object> pages = fill(stock);

        takenBack(stock, pages);

        assertThat(stock.getUsedMemory()).isGreaterThan(2L * BUDGET);
    }

    @Test
    void theEmbeddedServerOnFileUsesTheBoundedCache() {
        EmbeddedMongoServer server = EmbeddedMongoServer.persistent(dataDir, 3);
        try {
            MVStore store = (MVStore) server.store();
            assertThat(BoundedPageCache.installedIn(store)).isTrue();
            assertThat(store.getCacheSize()).isEqualTo(3);
        } finally {
            server.destroy();
        }
    }
}
