package cn.lishui.police.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import cn.lishui.police.platform.background.BackgroundSweep;
import cn.lishui.police.platform.testapp.PlatformTestApplication;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The embedded default keeps its data in {@code <data dir>/<application>/} across restarts and uses
 * the service's own database. (That an acknowledged write also survives {@code kill -9} is proven
 * against a real service jar in e2e's DurabilityIT.)
 */
class EmbeddedMongoPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void dataWrittenBeforeARestartIsReadAfterIt() {
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(MongoTemplate.class).insert(new Document("_id", "n-1").append("text", "持久化"), "notes");
        }
        assertThat(dataDir.resolve("persistence-test-service/mongo.mv.db")).isRegularFile();

        try (ConfigurableApplicationContext second = start()) {
            MongoTemplate mongo = second.getBean(MongoTemplate.class);
            assertThat(mongo.getDb().getName()).isEqualTo("fengqiao_persistence_test");
            Document note = mongo.findById("n-1", Document.class, "notes");
            assertThat(note).isNotNull();
            assertThat(note.getString("text")).isEqualTo("持久化");
        }
    }

    @Test
    void documentsPastTheirTimeToLiveAreSweptFromTheServicesDatabase() {
        try (ConfigurableApplicationContext context = start()) {
            ExpiredDocumentSweep sweep = context.getBean(ExpiredDocumentSweep.class);
            assertThat(context.getBeansOfType(BackgroundSweep.class).values())
                    .anySatisfy(schedule -> {
                        assertThat(schedule.name()).isEqualTo("embedded-ttl-sweep");
                        assertThat(schedule.isRunning()).isTrue();
                    });
            MongoTemplate mongo = context.getBean(MongoTemplate.class);
            mongo.indexOps("records").createIndex(new Index().on("createdAt", Sort.Direction.ASC)
                    .expire(Duration.ofHours(1)).named("records_ttl"));
            mongo.insert(new Document("_id", "r-1").append("createdAt", Date.from(Instant.now().minus(Duration.ofHours(2)))),
                    "records");
            mongo.insert(new Document("_id", "r-2").append("createdAt", new Date()), "records");

            assertThat(sweep.sweep()).isEqualTo(1);
            assertThat(mongo.findById("r-1", Document.class, "records")).isNull();
            assertThat(mongo.findById("r-2", Document.class, "records")).isNotNull();
        }
    }

    @Test
    void theServerStopsWithTheContext() throws Exception {
        String uri;
        try (ConfigurableApplicationContext context = start()) {
            uri = context.getBean(EmbeddedMongoServer.class).connectionString();
        }
        int port = Integer.parseInt(uri.substring(uri.lastIndexOf(':') + 1));
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            throw new AssertionError("the embedded MongoDB still listens on " + port);
        } catch (java.io.IOException expected) {
            assertThat(Files.exists(dataDir)).isTrue();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.application.name=persistence-test-service",
                        "--fengqiao.mongo.embedded.persistence=file",
                        "--fengqiao.mongo.embedded.data-dir=" + dataDir);
    }
}
