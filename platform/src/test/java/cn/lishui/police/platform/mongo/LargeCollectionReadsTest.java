package cn.lishui.police.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of a large collection with its total (what every list endpoint asks: a sorted, limited find and the
 * driver's {@code countDocuments}, an aggregation) needs no more heap than a page: a child JVM with a 64 MB heap
 * lists and counts a county's 15,000 of 30,000 stored documents of ~2,900 characters (~6 KB each decoded, some
 * 90 MB for the county). Before session 12 the embedded store held every match of a sorted find, and every document
 * of the collection for an aggregation, at once; the child ran out of memory. The answers are those of a plain sort
 * of all documents.
 */
class LargeCollectionReadsTest {

    private static final int DOCUMENTS = 30_000;
    private static final String COUNTY = "331121";

    @TempDir
    Path dataDir;

    @TempDir
    Path outputDir;

    @Test
    void aPageAndItsTotalOfACollectionLargerThanTheHeapAreAnsweredWithASmallHeap() throws Exception {
        List<Document> written = write();
        Comparator<Document> newestFirst = Comparator.comparing((Document d) -> d.getDate("reportedAt")).reversed();
        List<Document> inCounty = written.stream().filter(d -> COUNTY.equals(d.getString("countyCode"))).toList();
        // page 1 breaks ties by _id descending; page 3 leaves them in the stored (_id) order, as a stable sort does
        List<Document> byIdDescending = inCounty.stream()
                .sorted(newestFirst.thenComparing(d -> d.getString("_id"), Comparator.reverseOrder())).toList();
        List<Document> stable = inCounty.stream().sorted(newestFirst).toList();

        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx64m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Reader.class.getName(),
                dataDir.toString())
                .redirectErrorStream(true).redirectOutput(outputDir.resolve("reader.out").toFile()).start();
        try {
            assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("the reader finished").isTrue();
        } finally {
            child.destroyForcibly();
        }
        String output = Files.readString(outputDir.resolve("reader.out"), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as("the reader's exit; its output: %s", output).isZero();

        List<String> firstPage = byIdDescending.subList(0, 20).stream().map(d -> d.getString("_id")).toList();
        List<String> thirdPage = stable.subList(40, 60).stream().map(d -> d.getString("_id")).toList();
        assertThat(output.lines().filter(line -> line.matches("(total|grouped|page\\d) .*")))
                .containsExactly(
                "total " + inCounty.size(),
                "grouped " + inCounty.size(),
                "page1 " + String.join(",", firstPage),
                "page3 " + String.join(",", thirdPage));
    }

    /** Stores the documents (many reported at the same instant: ties keep the stored order) and returns them. */
    private List<Document> write() {
        List<Document> all = new ArrayList<>();
        EmbeddedMongoServer server = EmbeddedMongoServer.persistent(dataDir);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> incidents = collection(client);
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                Document incident = new Document("_id", String.format("inc-%05d", i))
                        .append("countyCode", i % 2 == 0 ? COUNTY : "331102")
                        .append("reportedAt", Date.from(Instant.parse("2026-11-01T00:00:00Z")
                                .plusSeconds((i * 7919L) % 5000)))
                        .append("summary", ("incident " + i + " 纠纷 ").repeat(160));
                batch.add(incident);
                all.add(incident);
                if (batch.size() == 1_000) {
                    incidents.insertMany(batch);
                    batch.clear();
                }
            }
        } finally {
            server.destroy();
        }
        return all;
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("fengqiao_test").getCollection("incidents");
    }

    /** The child: reads the county's total and two pages, newest first, as a list endpoint does. */
    public static final class Reader {

        public static void main(String[] args) throws IOException {
            EmbeddedMongoServer server = EmbeddedMongoServer.persistent(Path.of(args[0]), 2);
            int exit = 0;
            try (MongoClient client = MongoClients.create(server.connectionString() + "/?socketTimeoutMS=60000")) {
                MongoCollection<Document> incidents = collection(client);
                Bson county = Filters.eq("countyCode", COUNTY);
                System.out.println("total " + incidents.countDocuments(county));
                Document grouped = incidents.aggregate(List.of(Aggregates.match(county),
                        Aggregates.group(null, Accumulators.sum("n", 1)))).first();
                System.out.println("grouped " + grouped.get("n"));
                System.out.println("page1 " + ids(incidents.find(county)
                        .sort(Sorts.orderBy(Sorts.descending("reportedAt"), Sorts.descending("_id"))).limit(20)
                        .projection(Projections.include("_id"))));
                System.out.println("page3 " + ids(incidents.find(county).sort(Sorts.descending("reportedAt"))
                        .skip(40).limit(20)));
            } catch (RuntimeException | Error e) {
                System.out.println("failed: " + e);
                exit = 1;
            } finally {
                server.destroy();
            }
            System.exit(exit);
        }

        private static String ids(Iterable<Document> documents) {
            List<String> ids = new ArrayList<>();
            documents.forEach(d -> ids.add(d.getString("_id")));
            return String.join(",", ids);
        }
    }
}
