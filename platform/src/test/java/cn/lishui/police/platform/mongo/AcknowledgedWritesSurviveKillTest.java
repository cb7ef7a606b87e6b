package cn.lishui.police.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded store acknowledged is in its file when the process is killed ({@code kill -9}, no shutdown
 * hook, no final commit), also while many writers share each commit: a child JVM writes from 16 threads at once
 * and prints every write once the driver has its acknowledgement; this test kills it in the middle and reads the
 * file again.
 */
class AcknowledgedWritesSurviveKillTest {

    private static final int WRITERS = 16;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteIsFoundAfterTheProcessIsKilled() throws Exception {
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), dataDir.toString())
                .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<String> inserted = new HashSet<>();
        Set<Long> counted = new HashSet<>();
        try (BufferedReader acknowledged = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = acknowledged.readLine()) != null && inserted.size() < 600) {
                if (line.startsWith("insert ")) {
                    inserted.add(line.substring(7));
                } else if (line.startsWith("counter ")) {
                    counted.add(Long.parseLong(line.substring(8)));
                }
            }
            child.destroyForcibly(); // SIGKILL: the writers are still writing
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(inserted).hasSizeGreaterThanOrEqualTo(600);

        EmbeddedMongoServer reopened = EmbeddedMongoServer.persistent(dataDir);
        try (MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> notes = client.getDatabase("fengqiao_test").getCollection("notes");
            Set<String> found = new HashSet<>();
            notes.find().forEach(note -> found.add(note.getString("_id")));
            assertThat(found).containsAll(inserted);
            Document counter = client.getDatabase("fengqiao_test").getCollection("counters")
                    .find(Filters.eq("_id", "c")).first();
            assertThat(counter).isNotNull();
            // every number handed out before the kill is at or below what the file holds: none can be handed out again
            assertThat(counter.get("seq", Number.class).longValue())
                    .isGreaterThanOrEqualTo(counted.stream().mapToLong(Long::longValue).max().orElse(0));
        } finally {
            reopened.destroy();
        }
    }

    /** The child: writes until killed, printing each write after its acknowledgement. */
    public static final class Writer {

        public static void main(String[] args) throws Exception {
            EmbeddedMongoServer server = EmbeddedMongoServer.persistent(Path.of(args[0]));
            MongoClient client = MongoClients.create(server.connectionString());
            MongoCollection<Document> notes = client.getDatabase("fengqiao_test").getCollection("notes");
            MongoCollection<Document> counters = client.getDatabase("fengqiao_test").getCollection("counters");
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int i = 0; ; i++) {
                        String id = writer + "-" + i;
                        notes.insertOne(new Document("_id", id).append("text", "已确认 " + id));
                        say("insert " + id);
                        Document after = counters.findOneAndUpdate(Filters.eq("_id", "c"), Updates.inc("seq", 1L),
                                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                        say("counter " + after.get("seq", Number.class).longValue());
                    }
                });
                writers.add(thread);
                thread.start();
            }
            for (Thread thread : writers) {
                thread.join();
            }
        }

        private static synchronized void say(String line) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
