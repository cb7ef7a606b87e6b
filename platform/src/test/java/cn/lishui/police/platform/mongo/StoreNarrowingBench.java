package cn.lishui.police.platform.mongo;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * Side by side: versioned updates ({@code {_id: X, version: v}}, what Spring Data sends for a {@code @Version}
 * entity) on a file store of N documents, with the stock query planning (full scan) and with the narrowing
 * of {@link BsonCollection}. Not a test; run by hand (see docs/benchmarks.md). Args: documents, updates, rounds.
 */
public final class StoreNarrowingBench {

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int updates = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("store-narrowing-bench");
        try {
            run(dir, documents, updates, rounds);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(Path dir, int documents, int updates, int rounds) {
        reopen(dir.resolve("reopen.mv.db"), documents, rounds);
        try (Store stock = new Store(dir.resolve("stock.mv.db"), false);
             Store narrowed = new Store(dir.resolve("narrowed.mv.db"), true)) {
            for (Store store : List.of(stock, narrowed)) {
                store.fill(documents);
            }
            double[] stockMs = new double[rounds];
            double[] narrowedMs = new double[rounds];
            for (int round = 0; round < rounds; round++) {   // interleaved, so both see the same machine noise
                stockMs[round] = stock.versionedUpdates(updates, documents, round);
                narrowedMs[round] = narrowed.versionedUpdates(updates, documents, round);
                System.out.printf("round %d: stock %.3f ms/update, narrowed %.3f ms/update%n", round,
                        stockMs[round], narrowedMs[round]);
            }
            double stockMedian = median(stockMs);
            double narrowedMedian = median(narrowedMs);
            System.out.printf("%d documents, %d versioned updates x %d rounds: median stock %.3f ms/update, "
                            + "narrowed %.3f ms/update, ratio %.1fx%n", documents, updates, rounds, stockMedian,
                    narrowedMedian, stockMedian / narrowedMedian);
        }
    }

    /**
     * A store of N documents with one unique and three secondary indexes (as the services create), reopened
     * alternately as stock and with the shortcuts: milliseconds until the first command is answered.
     */
    private static void reopen(Path file, int documents, int rounds) {
        try (Store store = new Store(file, true)) {
            store.disputes.createIndex(new Document("code", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            store.disputes.createIndex(new Document("gridId", 1));
            store.disputes.createIndex(new Document("status", 1));
            store.disputes.createIndex(new Document("gridId", 1).append("status", 1));
            store.fill(documents);
        }
        double[] stockMs = new double[rounds];
        double[] shortcutMs = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            for (boolean shortcuts : new boolean[] {false, true}) {
                long start = System.nanoTime();
                try (Store store = new Store(file, shortcuts)) {
                    store.disputes.find(new Document("_id", "d-1")).first();
                    double ms = (System.nanoTime() - start) / 1e6;
                    (shortcuts ? shortcutMs : stockMs)[round] = ms;
                }
            }
            System.out.printf("reopen round %d: stock %.0f ms, shortcuts %.0f ms%n", round, stockMs[round],
                    shortcutMs[round]);
        }
        System.out.printf("reopen of %d documents with 3 secondary indexes: median stock %.0f ms, shortcuts %.0f ms%n",
                documents, median(stockMs), median(shortcutMs));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static final class Store implements AutoCloseable {
        private final MVStore mvStore;
        private final MongoServer server;
        private final MongoClient client;
        private final MongoCollection<Document> disputes;

        Store(Path file, boolean narrow) {
            mvStore = new MVStore.Builder().fileName(file.toString()).open();
            server = new MongoServer(DurableH2Backend.open(mvStore, narrow));
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
            disputes = client.getDatabase("bench").getCollection("dispute");
        }

        void fill(int documents) {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(new Document("_id", "d-" + i).append("code", "C" + i).append("version", 0L).append("status", "OPEN")
                        .append("title", "邻里纠纷 neighbour dispute " + i).append("gridId", "g-" + (i % 50)));
                if (batch.size() == 1000) {
                    disputes.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                disputes.insertMany(batch);
            }
        }

        /** Milliseconds per versioned update; each round updates other documents (versions stay right). */
        double versionedUpdates(int updates, int documents, int round) {
            long start = System.nanoTime();
            for (int i = 0; i < updates; i++) {
                String id = "d-" + ((round * updates + i) * 97 % documents);
                long modified = disputes.updateOne(new Document("_id", id).append("version", versionOf(id)),
                        Updates.combine(Updates.set("status", "MEDIATING"), Updates.inc("version", 1L)))
                        .getModifiedCount();
                if (modified != 1) {
                    throw new IllegalStateException("versioned update of " + id + " matched nothing");
                }
            }
            return (System.nanoTime() - start) / 1e6 / updates;
        }

        private long versionOf(String id) {
            return disputes.find(new Document("_id", id)).first().getLong("version");
        }

        @Override
        public void close() {
            client.close();
            server.shutdown();
            mvStore.close();
        }
    }
}
