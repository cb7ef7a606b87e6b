package cn.lishui.police.platform.mongo;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The embedded store under the writes of a keyed create, as grid-service makes them for an incident: the
 * idempotency claim (insert), the county-day counter (findAndModify {@code $inc}, upsert), the incident (insert,
 * unique number), the idempotency completion (update with the ~900-byte answer); C callers at once for S seconds,
 * after a preload of P documents in batches (grid's demo data leaves a file of many chunks). Prints creates/s and
 * the JVM's CPU seconds per 1,000 creates. Not a test; run by hand (docs/benchmarks.md, "s5-intake").
 * Args: callers, seconds, preload documents, commands per create (4, or 3 without the counter).
 */
public final class KeyedCreateBench {

    public static void main(String[] args) throws Exception {
        int callers = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int preload = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        boolean counter = args.length <= 3 || Integer.parseInt(args[3]) >= 4;
        Path dir = Files.createTempDirectory("keyed-create-bench");
        EmbeddedMongoServer server = EmbeddedMongoServer.persistent(dir);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("fengqiao_bench");
            fill(db.getCollection("residents"), preload);
            MongoCollection<Document> keys = db.getCollection("idempotency_keys");
            MongoCollection<Document> counters = db.getCollection("incident_counters");
            MongoCollection<Document> incidents = db.getCollection("incidents");
            incidents.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            byte[] answer = new byte[900];
            // warm-up, then the measured run
            run(callers, 5, keys, counters, incidents, answer, counter);
            long cpuBefore = cpuNanos();
            long[] before = commitsAndReplies(server);
            long created = run(callers, seconds, keys, counters, incidents, answer, counter);
            double cpu = (cpuNanos() - cpuBefore) / 1e9;
            long[] after = commitsAndReplies(server);
            System.out.printf("commits %d for %d replies%n", after[0] - before[0], after[1] - before[1]);
            System.out.printf("%d callers, %d s, preload %d, %d commands per create: %.0f creates/s, %.2f CPU s per 1000 "
                            + "creates, file %.1f MB%n", callers, seconds, preload, counter ? 4 : 3,
                    created / (double) seconds, cpu * 1000 / created, Files.size(server.storeFile()) / 1e6);
        } finally {
            server.destroy();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static long run(int callers, int seconds, MongoCollection<Document> keys,
                            MongoCollection<Document> counters, MongoCollection<Document> incidents, byte[] answer,
                            boolean counter) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder created = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            running.add(pool.submit(() -> {
                while (!stop.get()) {
                    String key = UUID.randomUUID().toString();
                    keys.insertOne(new Document("_id", key).append("requestHash", key).append("state", "IN_FLIGHT")
                            .append("createdAt", new Date()));
                    String number;
                    if (counter) {
                        Document seq = counters.findOneAndUpdate(Filters.eq("_id", "33112120261129"),
                                Updates.inc("seq", 1), new FindOneAndUpdateOptions().upsert(true)
                                        .returnDocument(ReturnDocument.AFTER));
                        number = "JQ33112120261129" + seq.get("seq");
                    } else {
                        number = "JQ" + key;
                    }
                    incidents.insertOne(incident(number));
                    keys.updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("state", "COMPLETED"),
                            Updates.set("status", 201), Updates.set("body", new Binary(answer))));
                    created.increment();
                }
                return null;
            }));
        }
        TimeUnit.SECONDS.sleep(seconds);
        stop.set(true);
        long done = created.sum();
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
        return done;
    }

    private static Document incident(String number) {
        return new Document("_id", UUID.randomUUID().toString()).append("number", number).append("category", "OTHER")
                .append("criminal", false).append("description", "基准测试警情（bench）").append("status", "REPORTED")
                .append("place", new Document("villageCode", "331121001201").append("townCode", "331121001")
                        .append("countyCode", "331121"))
                .append("reporter", new Document("channel", "COMMAND_ROOM").append("subject", "demo-commander"))
                .append("history", List.of(new Document("action", "REPORT").append("at", new Date())
                        .append("by", "demo-commander")))
                .append("reportedAt", new Date()).append("version", 0L);
    }

    private static void fill(MongoCollection<Document> residents, int documents) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            batch.add(new Document("_id", UUID.randomUUID().toString()).append("name", "居民" + i)
                    .append("village", "3311210012" + (i % 100)).append("phone", "enc:" + "x".repeat(600)));
            if (batch.size() == 100) {
                residents.insertMany(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            residents.insertMany(batch);
        }
    }

    /** The server's commits and replies; zeros for a platform build before group commit (side-by-side runs). */
    private static long[] commitsAndReplies(EmbeddedMongoServer server) {
        try {
            return server.commitsAndReplies();
        } catch (NoSuchMethodError before) {
            return new long[] {0, 0};
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
