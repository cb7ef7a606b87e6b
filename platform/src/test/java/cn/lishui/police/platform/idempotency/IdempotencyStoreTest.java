package cn.lishui.police.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import cn.lishui.police.platform.mongo.EmbeddedMongoServer;
import cn.lishui.police.platform.testapp.MovableClock;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The records behind Idempotency-Keys on the embedded store: claims, completions, expiry, and the old layout. */
class IdempotencyStoreTest {

    private static final Duration TTL = Duration.ofHours(24);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T08:00:00Z"));
    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.inMemory();
        client = MongoClients.create(server.connectionString());
        mongo = new MongoTemplate(client, "fengqiao_test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void aKeyIsClaimedOnceAndItsRecordCompleted() {
        IdempotencyStore store = new IdempotencyStore(mongo, TTL, clock);

        assertThat(store.claim("hash-a", "request-1")).isEmpty();
        Optional<IdempotencyRecord> holder = store.claim("hash-a", "request-1");
        assertThat(holder).hasValueSatisfying(record -> {
            assertThat(record.key()).isEqualTo("hash-a");
            assertThat(record.state()).isEqualTo(IdempotencyRecord.State.IN_FLIGHT);
        });

        store.complete("hash-a", 201, "application/json", "/api/things/1", bytes("{\"id\":1}"));
        assertThat(store.find("hash-a")).hasValueSatisfying(record -> {
            assertThat(record.state()).isEqualTo(IdempotencyRecord.State.COMPLETED);
            assertThat(record.status()).isEqualTo(201);
            assertThat(record.location()).isEqualTo("/api/things/1");
            assertThat(record.body()).isEqualTo(bytes("{\"id\":1}"));
        });
        assertThat(mongo.count(new Query(), IdempotencyRecord.COLLECTION)).isEqualTo(1);
    }

    @Test
    void recordsAreStoredInTheOrderTheyWereClaimed() {
        IdempotencyStore store = new IdempotencyStore(mongo, TTL, clock);
        for (String key : new String[] {"f0", "0f", "aa", "01"}) {
            store.claim(key, "request");
        }

        // the _id tree grows at its right edge: natural order by _id is the order of the claims
        assertThat(mongo.find(new Query().with(Sort.by("_id")), Document.class,
                IdempotencyRecord.COLLECTION)).extracting(document -> document.getString("key"))
                .containsExactly("f0", "0f", "aa", "01");
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        IdempotencyStore store = new IdempotencyStore(mongo, TTL, clock);
        store.claim("hash-b", "request");

        store.release("hash-b");

        assertThat(store.find("hash-b")).isEmpty();
        assertThat(store.claim("hash-b", "request")).isEmpty();
    }

    @Test
    void aKeyPastItsTimeToLiveIsClaimedAnew() {
        IdempotencyStore store = new IdempotencyStore(mongo, TTL, clock);
        store.claim("hash-c", "old request");
        store.complete("hash-c", 201, "application/json", null, bytes("{}"));

        clock.advance(TTL.plusMinutes(1));

        assertThat(store.claim("hash-c", "new request")).isEmpty();
        assertThat(store.find("hash-c")).hasValueSatisfying(record -> {
            assertThat(record.requestHash()).isEqualTo("new request");
            assertThat(record.state()).isEqualTo(IdempotencyRecord.State.IN_FLIGHT);
        });
        assertThat(mongo.count(Query.query(Criteria.where("key").is("hash-c")), IdempotencyRecord.COLLECTION))
                .isEqualTo(1);
    }

    @Test
    void recordsOfTheOldLayoutAreMovedAtStartAndStillAnswerTheirKeys() {
        mongo.insert(legacy("hash-recent", clock.instant().minus(Duration.ofHours(1))),
                IdempotencyRecord.LEGACY_COLLECTION);
        mongo.insert(legacy("hash-expired", clock.instant().minus(TTL).minusSeconds(1)),
                IdempotencyRecord.LEGACY_COLLECTION);

        IdempotencyStore store = new IdempotencyStore(mongo, TTL, clock);

        assertThat(mongo.collectionExists(IdempotencyRecord.LEGACY_COLLECTION)).isFalse();
        // the key used before the upgrade is answered from its record, not processed again
        assertThat(store.claim("hash-recent", "request")).hasValueSatisfying(record -> {
            assertThat(record.state()).isEqualTo(IdempotencyRecord.State.COMPLETED);
            assertThat(record.status()).isEqualTo(201);
            assertThat(record.body()).isEqualTo(bytes("{\"id\":7}"));
            assertThat(record.id()).isNotEqualTo("hash-recent");
        });
        // one past its time to live is not moved: the key is free
        assertThat(store.find("hash-expired")).isEmpty();
        assertThat(mongo.count(new Query(), IdempotencyRecord.COLLECTION)).isEqualTo(1);

        // a second start finds nothing left to move
        new IdempotencyStore(mongo, TTL, clock);
        assertThat(mongo.count(new Query(), IdempotencyRecord.COLLECTION)).isEqualTo(1);
    }

    private static Document legacy(String hash, Instant createdAt) {
        return new Document("_id", hash).append("requestHash", "request").append("state", "COMPLETED")
                .append("createdAt", Date.from(createdAt)).append("status", 201)
                .append("contentType", "application/json").append("location", "/api/things/7")
                .append("body", new Binary(bytes("{\"id\":7}")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
