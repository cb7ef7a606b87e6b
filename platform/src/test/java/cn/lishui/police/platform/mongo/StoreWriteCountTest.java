package cn.lishui.police.platform.mongo;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server's count of writes per collection ({@link EmbeddedMongoServer#writes}): what lets an old
 * in-memory copy of a register stay when nothing was written. Every kind of write from a client moves the count of
 * its collection and only that one; reads never do.
 */
class StoreWriteCountTest {

    @TempDir
    Path dataDir;

    @Test
    void everyWriteMovesItsCollectionsCountAndReadsDoNotInMemory() {
        EmbeddedMongoServer server = EmbeddedMongoServer.inMemory();
        try {
            writesAreCounted(server);
        } finally {
            server.destroy();
        }
    }

    @Test
    void everyWriteMovesItsCollectionsCountAndReadsDoNotOnFile() {
        EmbeddedMongoServer server = EmbeddedMongoServer.persistent(dataDir);
        try {
            writesAreCounted(server);
        } finally {
            server.destroy();
        }
    }

    private static void writesAreCounted(EmbeddedMongoServer server) {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("fengqiao_test");
            MongoCollection<Document> officers = database.getCollection("officers");
            Set<String> watched = Set.of("officers");
            long counted = server.writes("fengqiao_test", watched);

            officers.insertOne(new Document("_id", "o1").append("name", "张伟"));
            counted = moved(server, watched, counted, "an insert");
            officers.insertMany(List.of(new Document("_id", "o2"), new Document("_id", "o3")));
            counted = moved(server, watched, counted, "a batch insert");
            officers.updateOne(Filters.eq("_id", "o1"), Updates.set("name", "李娜"));
            counted = moved(server, watched, counted, "an update");
            officers.findOneAndUpdate(Filters.eq("_id", "o2"), Updates.set("name", "王芳"));
            counted = moved(server, watched, counted, "a findAndModify");
            officers.deleteOne(Filters.eq("_id", "o3"));
            counted = moved(server, watched, counted, "a delete");

            officers.find().into(new java.util.ArrayList<>());
            officers.countDocuments();
            officers.find(Filters.eq("_id", "o1")).first();
            database.getCollection("incidents").insertOne(new Document("_id", "i1"));
            assertThat(server.writes("fengqiao_test", watched)).as("reads, and writes to other collections")
                    .isEqualTo(counted);
            assertThat(server.writes("fengqiao_other", watched)).as("another database's").isZero();

            database.getCollection("staging").insertOne(new Document("_id", "o9"));
            counted = server.writes("fengqiao_test", watched);
            client.getDatabase("admin").runCommand(new Document("renameCollection", "fengqiao_test.staging")
                    .append("to", "fengqiao_test.officers").append("dropTarget", true));
            counted = moved(server, watched, counted, "a collection renamed to it");
            officers.drop();
            counted = moved(server, watched, counted, "a drop");
            database.drop();
            moved(server, watched, counted, "dropping the database");
        }
    }

    private static long moved(EmbeddedMongoServer server, Set<String> collections, long before, String write) {
        long after = server.writes("fengqiao_test", collections);
        assertThat(after).as(write).isGreaterThan(before);
        return after;
    }
}
