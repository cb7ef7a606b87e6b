package cn.lishui.police.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A command never changes a stored document in place: it stores a new version. MVStore writes a commit's pages in
 * the background while the next commands run, and an older page shares its unchanged documents with the newer one;
 * an update that changed such a document while it was being written made the write fail (a
 * ConcurrentModificationException; a failed commit closes the store). Seen in the benchmark once idempotency
 * records were added at the right-most page and updated right after (docs/benchmarks.md, session 13).
 */
class StoredDocumentsUnchangedTest {

    private final MVStore mvStore = new MVStore.Builder().open();
    private DurableH2Backend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> records;

    @BeforeEach
    void start() {
        backend = DurableH2Backend.open(mvStore);
        server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        records = client.getDatabase("fengqiao_test").getCollection("records");
        records.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
        records.insertOne(new Document("_id", "r-1").append("key", "k-1").append("state", "IN_FLIGHT")
                .append("tags", List.of("a")).append("seq", 0));
        records.insertOne(new Document("_id", "r-2").append("key", "k-2").append("state", "IN_FLIGHT").append("seq", 0));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
        mvStore.close();
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("update by _id", (Consumer<MongoCollection<Document>>) c -> c.updateOne(
                        Filters.eq("_id", "r-1"), Updates.combine(Updates.set("state", "COMPLETED"),
                                Updates.push("tags", "b"), Updates.inc("seq", 1)))),
                Arguments.of("update by a unique key", (Consumer<MongoCollection<Document>>) c -> c.updateOne(
                        Filters.eq("key", "k-1"), Updates.combine(Updates.set("state", "COMPLETED"),
                                Updates.push("tags", "b"), Updates.inc("seq", 1)))),
                Arguments.of("update found by a full scan", (Consumer<MongoCollection<Document>>) c -> c.updateMany(
                        Filters.eq("state", "IN_FLIGHT"), Updates.combine(Updates.set("state", "COMPLETED"),
                                Updates.push("tags", "b"), Updates.inc("seq", 1)))),
                Arguments.of("findAndModify", (Consumer<MongoCollection<Document>>) c -> c.findOneAndUpdate(
                        Filters.eq("_id", "r-1"), Updates.combine(Updates.set("state", "COMPLETED"),
                                Updates.push("tags", "b"), Updates.inc("seq", 1)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))),
                Arguments.of("replace", (Consumer<MongoCollection<Document>>) c -> c.replaceOne(
                        Filters.eq("_id", "r-1"), new Document("key", "k-1").append("state", "COMPLETED")
                                .append("tags", List.of("a", "b")).append("seq", 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aCommandStoresANewVersionAndLeavesTheStoredDocumentAsItWas(String name,
                                                                  Consumer<MongoCollection<Document>> command) {
        de.bwaldvogel.mongo.bson.Document before = collection().stored("r-1");

        command.accept(records);

        // what an earlier commit's page holds is as it was
        assertThat(before.get("state")).isEqualTo("IN_FLIGHT");
        assertThat(before.get("tags")).isEqualTo(List.of("a"));
        assertThat(before.get("seq")).isEqualTo(0);
        // and the collection has the new version
        assertThat(collection().stored("r-1")).isNotSameAs(before);
        Document now = records.find(Filters.eq("_id", "r-1")).first();
        assertThat(now).isNotNull();
        assertThat(now.getString("state")).isEqualTo("COMPLETED");
        assertThat(now.getList("tags", String.class)).containsExactly("a", "b");
        assertThat(now.getInteger("seq")).isEqualTo(1);
    }

    private BsonCollection collection() {
        return (BsonCollection) backend.resolveDatabase("fengqiao_test").resolveCollection("records", true);
    }
}
