package cn.lishui.police.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import cn.lishui.police.platform.testapp.MovableClock;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the embedded store, documents past a TTL index's time are removed as MongoDB's TTL monitor would. */
class ExpiredDocumentSweepTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void documentsWhoseDateIsPastTheIndexsTimeAreRemovedAndNoOthers() {
        EmbeddedMongoServer server = EmbeddedMongoServer.persistent(dir);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("fengqiao_test");
            db.getCollection("records").createIndex(Indexes.ascending("createdAt"),
                    new IndexOptions().name("records_ttl").expireAfter(3600L, java.util.concurrent.TimeUnit.SECONDS));
            db.getCollection("records").insertMany(List.of(
                    new Document("_id", "old").append("createdAt", date(NOW.minus(Duration.ofMinutes(61)))),
                    new Document("_id", "young").append("createdAt", date(NOW.minus(Duration.ofMinutes(59)))),
                    new Document("_id", "no-date").append("createdAt", "2020-01-01"),
                    new Document("_id", "no-field")));
            // a compound index with expireAfterSeconds is not a TTL index in MongoDB either
            db.getCollection("notes").createIndex(Indexes.ascending("at", "kind"),
                    new IndexOptions().name("notes_compound").expireAfter(60L, java.util.concurrent.TimeUnit.SECONDS));
            db.getCollection("notes").insertOne(new Document("_id", "n1").append("at", date(Instant.EPOCH)).append("kind", 1));
            // and a collection without TTL indexes is left alone
            db.getCollection("incidents").insertOne(new Document("_id", "i1").append("createdAt", date(Instant.EPOCH)));

            MovableClock clock = new MovableClock(NOW);
            ExpiredDocumentSweep sweep = new ExpiredDocumentSweep(() -> db, clock);
            assertThat(sweep.sweep()).isEqualTo(1);
            assertThat(ids(db, "records")).containsExactlyInAnyOrder("young", "no-date", "no-field");
            assertThat(ids(db, "notes")).containsExactly("n1");
            assertThat(ids(db, "incidents")).containsExactly("i1");

            clock.advance(Duration.ofMinutes(2));
            assertThat(sweep.sweep()).isEqualTo(1);
            assertThat(ids(db, "records")).containsExactlyInAnyOrder("no-date", "no-field");
        } finally {
            server.destroy();
        }

        // the TTL index is part of the stored collection: a restart sweeps by it too
        EmbeddedMongoServer again = EmbeddedMongoServer.persistent(dir);
        try (MongoClient client = MongoClients.create(again.connectionString())) {
            MongoDatabase db = client.getDatabase("fengqiao_test");
            db.getCollection("records").insertOne(new Document("_id", "older").append("createdAt", date(Instant.EPOCH)));
            ExpiredDocumentSweep sweep = new ExpiredDocumentSweep(() -> db, new MovableClock(NOW));
            assertThat(sweep.sweep()).isEqualTo(1);
            assertThat(ids(db, "records")).containsExactlyInAnyOrder("no-date", "no-field");
        } finally {
            again.destroy();
        }
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }

    private static List<Object> ids(MongoDatabase db, String collection) {
        return db.getCollection(collection).find().map(d -> d.get("_id")).into(new java.util.ArrayList<>());
    }
}
