package cn.lishui.police.platform.mongo;

import java.lang.reflect.Field;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.cache.CacheLongKeyLIRS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MVStore's page cache held to its budget.
 *
 * <p>H2's {@link CacheLongKeyLIRS} keeps a weak reference to every page it evicts (up to 12 times as many
 * evicted entries as resident ones), and a read of an evicted page that the collector has not freed yet takes it
 * back into the cache without evicting anything: its memory is added, the budget is not checked until the next
 * page is put. Evicted pages are old by then (SerialGC frees them only at a full collection), so a read-mostly
 * service took back far more than the budget: grid-service after the benchmark held 3,767 leaf pages with 22,381
 * decoded documents for a 16 MB budget (about 1,700 pages fit), and reported 17 MB in use of an 8 MB budget.
 * Here a page the cache no longer holds is answered as a miss: MVStore reads it from the file again and puts it,
 * which evicts as the budget says (and keeps LIRS's rule that a page read again soon after its eviction becomes
 * hot).
 */
final class BoundedPageCache<V> extends CacheLongKeyLIRS<V> {

    private static final Logger log = LoggerFactory.getLogger(BoundedPageCache.class);

    BoundedPageCache(long maxMemory) {
        super(config(maxMemory));
    }

    private static Config config(long maxMemory) {
        Config config = new Config();
        config.maxMemory = maxMemory;
        return config;
    }

    /** Set while a full scan reads: the pages it reads are not put. */
    private static final ThreadLocal<Boolean> SCANNING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** A resident page, or null: an evicted page still reachable through its weak reference is not taken back. */
    @Override
    public V get(long key) {
        return getMemory(key) > 0 ? super.get(key) : null;
    }

    /** Puts a page read from the file, unless a full scan on this thread read it ({@link #scanning}). */
    @Override
    public V put(long key, V value, long memory) {
        return SCANNING.get() ? null : super.put(key, value, memory);
    }

    /**
     * A full scan's stream whose reads leave the cache as they found it: a page already cached is still answered
     * from it, a page read from the file is not put. A scan of a collection larger than the budget would otherwise
     * replace the cache's pages with its own, each kept for a moment and then evicted: on the heap that is every
     * decoded document of the scan surviving a young collection and dying in the old generation (grid-service after
     * the benchmark's count of ~70,000 incidents: ~50 s of back-to-back full collections; docs/benchmarks.md,
     * session 13), and the pages that point reads keep coming back to are read from the file again.
     */
    static <T> Stream<T> scanning(Stream<T> scan) {
        Spliterator<T> source = scan.spliterator();
        Spliterator<T> uncached = new Spliterators.AbstractSpliterator<>(source.estimateSize(),
                source.characteristics() & ~(Spliterator.SIZED | Spliterator.SUBSIZED)) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                boolean outer = SCANNING.get();
                SCANNING.set(Boolean.TRUE);
                try {
                    return source.tryAdvance(action);
                } finally {
                    SCANNING.set(outer);
                }
            }
        };
        return StreamSupport.stream(uncached, false).onClose(scan::close);
    }

    /**
     * Puts a bounded cache of the same budget in place of the store's own (right after opening, before the
     * backend reads anything); leaves the store as it is if this H2 version keeps its cache elsewhere.
     */
    static void install(MVStore store) {
        FileStore<?> file = store.getFileStore();
        if (file == null) {
            return;
        }
        try {
            Field field = FileStore.class.getDeclaredField("cache");
            field.setAccessible(true);
            if (field.get(file) instanceof CacheLongKeyLIRS<?> current && !(current instanceof BoundedPageCache<?>)) {
                field.set(file, new BoundedPageCache<>(current.getMaxMemory()));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("The embedded store's page cache could not be bounded ({}); it may hold more than its budget", e.toString());
        }
    }

    /** The page cache's budget and what it holds, in megabytes, of an {@code MVStore}; zeros once it is closed. */
    static int[] megabytes(Object mvStore) {
        MVStore store = (MVStore) mvStore;
        return store.isClosed() ? new int[] {0, 0} : new int[] {store.getCacheSize(), store.getCacheSizeUsed()};
    }

    /** Whether the store's page cache is a bounded one (for tests). */
    static boolean installedIn(MVStore store) {
        try {
            Field field = FileStore.class.getDeclaredField("cache");
            field.setAccessible(true);
            return field.get(store.getFileStore()) instanceof BoundedPageCache<?>;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
