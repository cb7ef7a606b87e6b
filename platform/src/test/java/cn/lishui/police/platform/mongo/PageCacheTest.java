package cn.lishui.police.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The embedded store's page cache (decoded documents kept on the heap) is sized by
 * {@code fengqiao.mongo.embedded.cache-size}: reading a collection far larger than the budget keeps no more than
 * the budget, and the default stays MVStore's 16 MB.
 */
class PageCacheTest {

    @TempDir
    Path dataDir;

    @Test
    void readingACollectionLargerThanTheCacheKeepsAtMostTheConfiguredMegabytes() {
        writeOfficers();

        EmbeddedMongoServer reader = EmbeddedMongoServer.persistent(dataDir, 2);
        try (MongoClient client = MongoClients.create(reader.connectionString())) {
            MongoCollection<Document> officers = client.getDatabase("fengqiao_test").getCollection("officers");
            long read = 0;
            // point reads (by _id), which the cache keeps; a full scan's pages are not kept (the test below)
            for (int from = 0; from < 12_000; from += 500) {
                List<String> ids = new ArrayList<>();
                for (int i = from; i < from + 500; i++) {
                    ids.add(String.format("officer-%05d", i));
                }
                for (Document ignored : officers.find(Filters.in("_id", ids))) {
                    read++;
                }
            }
            assertThat(read).isEqualTo(12_000);
            assertThat(reader.pageCacheMegabytes()[0]).isEqualTo(2);
            assertThat(reader.pageCacheMegabytes()[1]).isBetween(1, 2);
        } finally {
            reader.destroy();
        }
    }

    @Test
    void aFullScanLeavesTheCacheAsItFoundIt() {
        writeOfficers();

        EmbeddedMongoServer reader = EmbeddedMongoServer.persistent(dataDir, 2);
        try (MongoClient client = MongoClients.create(reader.connectionString())) {
            MongoCollection<Document> officers = client.getDatabase("fengqiao_test").getCollection("officers");
            // a find no index answers, a count (an aggregation) and an update found by a scan: each reads all
            assertThat(officers.find(Filters.eq("station", "331121000007")).into(new ArrayList<>())).hasSize(24);
            assertThat(officers.countDocuments(Filters.regex("name", "9$"))).isEqualTo(1_200);
            assertThat(officers.updateMany(Filters.eq("station", "331121000008"), Updates.set("on_duty", true))
                    .getModifiedCount()).isEqualTo(24);

            assertThat(reader.pageCacheMegabytes()[1]).isZero();
            // what a point read then asks for is cached as before
            for (Document ignored : officers.find(Filters.in("_id", List.of("officer-00001", "officer-11999")))) {
                assertThat(ignored.getString("name")).startsWith("网格警官");
            }
            assertThat(officers.find(Filters.eq("_id", "officer-00008")).first()).containsEntry("on_duty", true);
        } finally {
            reader.destroy();
        }
    }

    /** Writes 12,000 officers of ~0.5 KB (decoded), far more than a 2 MB cache holds, to a store file. */
    private void writeOfficers() {
        EmbeddedMongoServer writer = EmbeddedMongoServer.persistent(dataDir);
        try (MongoClient client = MongoClients.create(writer.connectionString())) {
            MongoCollection<Document> officers = client.getDatabase("fengqiao_test").getCollection("officers");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 12_000; i++) {
                batch.add(new Document("_id", String.format("officer-%05d", i)).append("name", "网格警官 " + i)
                        .append("station", "331121" + String.format("%06d", i % 500)).append("phone", "1381234" + i)
                        .append("notes", "一村两警长 一格一警 ".repeat(8)));
                if (batch.size() == 1_000) {
                    officers.insertMany(batch);
                    batch.clear();
                }
            }
        } finally {
            writer.destroy();
        }
    }

    @Test
    void theCacheSizeIsAPropertyInMegabytesWithMvStoresDefault() {
        assertThat(bind(Map.of()).cacheSize().toMegabytes()).isEqualTo(16);
        assertThat(bind(Map.of("fengqiao.mongo.embedded.cache-size", "6MB")).cacheSize().toMegabytes()).isEqualTo(6);
        assertThatThrownBy(() -> bind(Map.of("fengqiao.mongo.embedded.cache-size", "512KB")))
                .hasStackTraceContaining("at least 1MB");
    }

    private static EmbeddedMongoProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("fengqiao.mongo.embedded", EmbeddedMongoProperties.class);
    }
}
