package cn.lishui.police.grid.demodata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Writes generated demo documents: each collection in batches of {@value #BATCH} (one insert command
 * each), and the collections of one step at the same time, one thread each. The embedded store
 * serialises writes per collection only, so a step's collections are written in parallel.
 */
public final class DemoInserts {

    public static final int BATCH = 1_000;

    /** The documents of one collection. */
    public record Part<T>(List<T> documents, Class<T> type) {
    }

    private DemoInserts() {
    }

    public static <T> Part<T> part(List<T> documents, Class<T> type) {
        return new Part<>(documents, type);
    }

    /** Inserts every part, the parts in parallel; returns when all are written, or throws the first failure. */
    public static void insert(MongoTemplate mongo, Part<?>... parts) {
        if (parts.length == 1) {
            insertPart(mongo, parts[0]);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parts.length, runnable -> {
            Thread thread = new Thread(runnable, "demo-data-insert");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (Part<?> part : parts) {
                writes.add(CompletableFuture.runAsync(() -> insertPart(mongo, part), pool));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            pool.shutdown();
        }
    }

    private static <T> void insertPart(MongoTemplate mongo, Part<T> part) {
        List<T> documents = part.documents();
        for (int from = 0; from < documents.size(); from += BATCH) {
            mongo.insert(documents.subList(from, Math.min(documents.size(), from + BATCH)), part.type());
        }
    }
}
