package cn.lishui.police.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Queries whose {@code _id} (or a unique index's fields) is an equality among other conditions are looked up
 * instead of scanned: every operation answers exactly what the stock full scan answers (a second store with the
 * narrowing off, fed the same data), and the narrowed store reads no collection in full.
 */
class NarrowedQueryTest {

    private Store narrowed;
    private Store scanning;

    @BeforeEach
    void start() {
        narrowed = new Store(true);
        scanning = new Store(false);
        for (Store store : List.of(narrowed, scanning)) {
            MongoCollection<Document> disputes = store.disputes();
            disputes.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                documents.add(new Document("_id", String.format("d-%03d", (i * 7) % 300))
                        .append("code", "C" + i).append("version", (long) (i % 5))
                        .append("status", i % 3 == 0 ? "OPEN" : "CLOSED").append("seq", i)
                        .append("tags", List.of("t" + (i % 4), "all")));
            }
            disputes.insertMany(documents);
        }
    }

    @AfterEach
    void stop() {
        narrowed.close();
        scanning.close();
    }

    @Test
    void findAndCountAnswerAsTheFullScanWithoutScanning() {
        List<Bson> filters = List.of(
                Filters.and(Filters.eq("_id", "d-007"), Filters.eq("version", 1L)),
                Filters.and(Filters.eq("_id", "d-007"), Filters.eq("version", 2L)),
                new Document("_id", new Document("$eq", "d-021")).append("status", "OPEN"),
                new Document("_id", "d-021").append("version", 3),          // int against stored long
                new Document("_id", "d-021").append("version", 3.0),
                new Document("_id", "missing").append("version", 0L),
                new Document("_id", "d-010").append("tags", "all"),
                new Document("_id", "d-010").append("seq", new Document("$gte", 0)),
                new Document("_id", new Document("$in", List.of("d-100", "d-003", "d-200", "nope", "d-001")))
                        .append("status", new Document("$in", List.of("OPEN", "CLOSED"))),
                new Document("_id", new Document("$in", List.of())).append("version", 1L),
                new Document("code", "C42").append("status", "OPEN"),
                new Document("code", "C43").append("status", "OPEN"),
                new Document("_id", "d-005").append("$or", List.of(new Document("status", "OPEN"),
                        new Document("version", new Document("$lt", 9)))));
        for (Bson filter : filters) {
            assertSame(c -> c.find(filter).into(new ArrayList<>()));
            assertSame(c -> c.find(filter).sort(Sorts.descending("seq")).into(new ArrayList<>()));
            assertSame(c -> c.find(filter).sort(new Document("$natural", -1)).into(new ArrayList<>()));
            assertSame(c -> c.find(filter).sort(Sorts.ascending("code")).skip(1).limit(2).into(new ArrayList<>()));
            assertSame(c -> c.find(filter).projection(Projections.include("status")).into(new ArrayList<>()));
            assertThat(count(narrowed, filter)).isEqualTo(count(scanning, filter));
        }
        assertThat(narrowed.fullScans()).isZero();
        assertThat(scanning.fullScans()).isPositive();
    }

    @Test
    void aUniqueIndexOverAnArrayFieldFindsADocumentByOneOfItsElements() {
        for (Store store : List.of(narrowed, scanning)) {
            store.disputes().createIndex(Indexes.ascending("aliases"), new IndexOptions().unique(true).sparse(true));
            store.disputes().updateOne(Filters.eq("_id", "d-030"), Updates.set("aliases", List.of("a-1", "b-1")));
        }
        for (Bson filter : List.of(new Document("aliases", "b-1").append("status", "OPEN"),
                new Document("aliases", "a-1").append("version", new Document("$gte", 0L)))) {
            assertSame(c -> c.find(filter).into(new ArrayList<>()));
            assertThat(narrowed.disputes().find(filter).first()).containsEntry("_id", "d-030");
        }
        assertThat(narrowed.fullScans()).isZero();
    }

    @Test
    void queriesThatAreNoEqualityStillScanAndAnswerTheSame() {
        List<Bson> filters = List.of(Filters.gt("_id", "d-290"), Filters.eq("status", "OPEN"),
                new Document("_id", new Document("$ne", "d-001")).append("version", 1L),
                new Document("_id", null).append("version", 1L),
                new Document("_id", List.of("d-001")).append("version", 1L),
                new Document("_id", new Document("$nin", List.of("d-001"))).append("version", 1L));
        for (Bson filter : filters) {
            assertSame(c -> c.find(filter).into(new ArrayList<>()));
        }
        assertThat(narrowed.fullScans()).isEqualTo(scanning.fullScans()).isPositive();
    }

    @Test
    void updatesFindAndModifyAndDeletesChangeTheSameDocumentsWithoutScanning() {
        assertSame(c -> c.updateOne(Filters.and(Filters.eq("_id", "d-007"), Filters.eq("version", 1L)),
                Updates.combine(Updates.set("status", "MEDIATING"), Updates.inc("version", 1L))).getModifiedCount());
        assertSame(c -> c.updateOne(Filters.and(Filters.eq("_id", "d-007"), Filters.eq("version", 1L)),
                Updates.set("status", "LOST")).getModifiedCount());   // stale version: nothing
        assertSame(c -> c.updateMany(new Document("_id", new Document("$in", List.of("d-001", "d-002", "d-003")))
                .append("status", "CLOSED"), Updates.set("archived", true)).getModifiedCount());
        assertSame(c -> c.replaceOne(new Document("_id", "d-011").append("version", 2L),
                new Document("status", "REPLACED").append("version", 3L)).getModifiedCount());
        assertSame(c -> c.findOneAndUpdate(new Document("_id", "d-012").append("status", "CLOSED"),
                Updates.inc("seq", 1000), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        assertSame(c -> c.findOneAndUpdate(new Document("_id", "d-012").append("status", "OPEN"),
                Updates.inc("seq", 1000)));
        assertSame(c -> c.findOneAndDelete(new Document("_id", "d-013").append("version", 2L)));
        assertSame(c -> c.deleteOne(new Document("_id", "d-014").append("version", 99L)).getDeletedCount());
        assertSame(c -> c.deleteMany(new Document("_id", new Document("$in", List.of("d-015", "d-016")))
                .append("status", "CLOSED")).getDeletedCount());
        // upserts that match nothing insert as before: a new _id, or a duplicate key for an existing one
        assertSame(c -> String.valueOf(c.updateOne(new Document("_id", "d-new").append("version", 0L),
                Updates.set("status", "OPEN"), new UpdateOptions().upsert(true)).getUpsertedId()));
        assertSame(c -> errorCode(() -> c.updateOne(new Document("_id", "d-020").append("version", 99L),
                Updates.set("status", "OPEN"), new UpdateOptions().upsert(true))));
        assertSame(c -> c.findOneAndUpdate(new Document("_id", "d-new2").append("version", 0L),
                Updates.set("status", "OPEN"),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));

        assertThat(narrowed.fullScans()).isZero();
        assertSame(c -> c.find().into(new ArrayList<>()));
    }

    @Test
    void aVersionedSaveOfAStaleCopyIsAnOptimisticLockingFailureWithoutScanning() {
        MongoTemplate template = new MongoTemplate(narrowed.client, "fengqiao_test");
        Dispute saved = template.insert(new Dispute("dsp-1", "OPEN"));
        for (int i = 0; i < 200; i++) {
            template.insert(new Dispute("dsp-other-" + i, "OPEN"));
        }
        Dispute first = template.findById("dsp-1", Dispute.class);
        Dispute stale = template.findById("dsp-1", Dispute.class);

        first.status = "MEDIATING";
        template.save(first);
        stale.status = "CLOSED";

        assertThatThrownBy(() -> template.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
        Dispute current = template.findById("dsp-1", Dispute.class);
        assertThat(current.status).isEqualTo("MEDIATING");
        assertThat(current.version).isEqualTo(saved.version + 1);
        assertThat(template.updateFirst(Query.query(Criteria.where("_id").is("dsp-1").and("status").is("OPEN")),
                Update.update("status", "CLOSED"), Dispute.class).getModifiedCount()).isZero();
        assertThat(narrowed.fullScans()).isZero();
    }

    static class Dispute {
        @Id
        String id;
        @Version
        Long version;
        String status;

        Dispute() {
        }

        Dispute(String id, String status) {
            this.id = id;
            this.status = status;
        }
    }

    /** The count command (the driver's countDocuments is an aggregation, which reads the whole collection). */
    private static Object count(Store store, Bson filter) {
        return store.client.getDatabase("fengqiao_test").runCommand(new Document("count", "dispute")
                .append("query", filter.toBsonDocument())).get("n");
    }

    private static Integer errorCode(Runnable write) {
        try {
            write.run();
            return null;
        } catch (MongoException e) {
            return e.getCode();
        }
    }

    private void assertSame(Function<MongoCollection<Document>, Object> operation) {
        Object expected = operation.apply(scanning.disputes());
        Object actual = operation.apply(narrowed.disputes());
        assertThat(actual).isEqualTo(expected);
    }

    /** An embedded store in memory with the platform's backend, narrowing on or off. */
    private static final class Store {
        private final MVStore mvStore = new MVStore.Builder().open();
        private final DurableH2Backend backend;
        private final MongoServer server;
        private final MongoClient client;

        Store(boolean narrow) {
            backend = DurableH2Backend.open(mvStore, narrow);
            server = new MongoServer(backend);
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            InetSocketAddress address = server.getLocalAddress();
            client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        }

        MongoCollection<Document> disputes() {
            return client.getDatabase("fengqiao_test").getCollection("dispute");
        }

        long fullScans() {
            long scans = 0;
            for (String name : List.of("dispute")) {
                Object collection = backend.resolveDatabase("fengqiao_test").resolveCollection(name, false);
                scans += collection == null ? 0 : ((BsonCollection) collection).fullScans();
            }
            return scans;
        }

        void close() {
            client.close();
            server.shutdown();
            mvStore.close();
        }
    }
}
