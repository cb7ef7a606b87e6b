package cn.lishui.police.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store on file (the default of every service), through the real MongoDB driver: unique
 * indexes, queries and sorting, restarts, the conversion of a file written by the stock H2 backend, and
 * counters under concurrent callers.
 */
class EmbeddedStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecondDocumentWithTheSameUniqueKeyIsADuplicateKeyError() {
        withStore(officers -> {
            officers.createIndex(Indexes.ascending("account"), new IndexOptions().unique(true).sparse(true));
            officers.insertOne(new Document("_id", "o-1").append("account", "demo-officer"));
            officers.insertOne(new Document("_id", "o-2")); // sparse: no account, no key
            officers.insertOne(new Document("_id", "o-3"));

            assertThatThrownBy(() -> officers.insertOne(new Document("_id", "o-4").append("account", "demo-officer")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThatThrownBy(() -> officers.insertOne(new Document("_id", "o-1")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThatThrownBy(() -> officers.updateOne(Filters.eq("_id", "o-2"), Updates.set("account", "demo-officer")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThat(officers.countDocuments()).isEqualTo(3);
        });
    }

    @Test
    void aUniqueKeyIsFoundWhateverNumberTypeItWasWrittenWith() {
        withStore(items -> {
            items.createIndex(Indexes.ascending("seq"), new IndexOptions().unique(true));
            items.insertOne(new Document("_id", 1).append("seq", 7));

            assertThatThrownBy(() -> items.insertOne(new Document("_id", 2).append("seq", 7L)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThatThrownBy(() -> items.insertOne(new Document("_id", 3).append("seq", 7.0)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThat(items.find(Filters.eq("seq", 7L)).first()).containsEntry("_id", 1);
        });
    }

    @Test
    void queriesOnIndexedFieldsAndSortsAnswerAsBefore() {
        withStore(incidents -> {
            incidents.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                incidents.insertOne(new Document("_id", String.format("i-%03d", i)).append("number", "JQ" + (1000 + i))
                        .append("county", i % 3 == 0 ? "331121" : "331102").append("rank", (i * 37) % 300));
            }
            assertThat(incidents.find(Filters.eq("number", "JQ1123")).first()).containsEntry("_id", "i-123");
            assertThat(incidents.find(Filters.in("number", List.of("JQ1001", "JQ1002", "JQ9999"))).into(new ArrayList<>()))
                    .extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("i-001", "i-002");
            assertThat(incidents.find(Filters.regex("number", "^JQ129")).into(new ArrayList<>())).hasSize(10);
            List<Integer> ranks = incidents.find(Filters.eq("county", "331121")).sort(Sorts.descending("rank"))
                    .limit(5).map(d -> d.getInteger("rank")).into(new ArrayList<>());
            assertThat(ranks).hasSize(5).isSortedAccordingTo((a, b) -> b - a);
            // natural order is _id order, as with the stock backend
            assertThat(incidents.find().limit(3).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("i-000", "i-001", "i-002");
        });
    }

    @Test
    void everyBsonTypeAndTheIndexesSurviveARestart() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectId id = new ObjectId();
        Document original = new Document("_id", id).append("text", "持久化").append("int", 42).append("long", 1L << 40)
                .append("double", 2.5).append("flag", true).append("none", null).append("at", java.util.Date.from(at))
                .append("decimal", Decimal128.parse("12.34")).append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("nested", new Document("list", List.of(1, "二", new Document("x", 3))))
                .append("code", "c-1");
        withStore(notes -> {
            notes.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            notes.insertOne(original);
        });
        withStore(notes -> {
            Document read = notes.find(Filters.eq("_id", id)).first();
            assertThat(read).isEqualTo(original);
            assertThat(notes.find(Filters.eq("code", "c-1")).first()).containsEntry("_id", id);
            assertThatThrownBy(() -> notes.insertOne(new Document("code", "c-1")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        });
    }

    @Test
    void aFileWrittenByTheStockH2BackendIsConvertedAndKeepsItsData() {
        Path file = dataDir.resolve("mongo.mv.db");
        MVStore stock = new MVStore.Builder().fileName(file.toString()).open();
        H2Backend backend = new H2Backend(stock);
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress address = server.getLocalAddress();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> grids = client.getDatabase("fengqiao_test").getCollection("grids");
            grids.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            for (int i = 0; i < 50; i++) {
                grids.insertOne(new Document("_id", "g-" + i).append("code", "3311211010010" + i)
                        .append("boundary", List.of(new Document("lat", 28.1).append("lng", 120.2))));
            }
            backend.commit();
        }
        server.shutdown();

        withStore(grids -> {
            assertThat(grids.countDocuments()).isEqualTo(50);
            assertThat(grids.find(Filters.eq("code", "33112110100107")).first()).containsEntry("_id", "g-7");
            assertThatThrownBy(() -> grids.insertOne(new Document("_id", "g-x").append("code", "33112110100107")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            grids.insertOne(new Document("_id", "g-50").append("code", "33112110100150"));
        });
        withStore(grids -> assertThat(grids.countDocuments()).isEqualTo(51));
        try (MVStore reopened = new MVStore.Builder().fileName(file.toString()).open()) {
            assertThat(reopened.<String, Object>openMap(StoreFormat.FORMAT_MAP).get("documents")).isEqualTo(StoreFormat.BSON);
            assertThat(reopened.getMapNames()).noneMatch(name -> name.startsWith("$fengqiao.migrating."));
        }
    }

    @Test
    void concurrentCounterIncrementsNeverHandOutTheSameNumberTwice() throws Exception {
        withStore(counters -> {
            counters.insertOne(new Document("_id", "33112120261129").append("seq", 0));
            ExecutorService callers = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<Integer>>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    results.add(callers.submit(() -> {
                        List<Integer> mine = new ArrayList<>();
                        for (int i = 0; i < 40; i++) {
                            Document after = counters.findOneAndUpdate(Filters.eq("_id", "33112120261129"),
                                    Updates.inc("seq", 1), new FindOneAndUpdateOptions().upsert(true)
                                            .returnDocument(ReturnDocument.AFTER));
                            mine.add(after.getInteger("seq"));
                        }
                        return mine;
                    }));
                }
                Set<Integer> seen = new HashSet<>();
                for (Future<List<Integer>> result : results) {
                    seen.addAll(result.get());
                }
                assertThat(seen).hasSize(320);
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                callers.shutdownNow();
            }
        });
    }

    private void withStore(Consumer<MongoCollection<Document>> use) {
        EmbeddedMongoServer server = EmbeddedMongoServer.persistent(dataDir);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            use.accept(client.getDatabase("fengqiao_test").getCollection("grids"));
        } finally {
            server.destroy();
        }
    }
}
