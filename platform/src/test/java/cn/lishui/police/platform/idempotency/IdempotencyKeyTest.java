package cn.lishui.police.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import cn.lishui.police.platform.testapp.Http;
import cn.lishui.police.platform.testapp.PlatformTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fengqiao.idempotency.in-flight-wait=20s")
class IdempotencyKeyTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void fiftyConcurrentIdenticalPostsWithOneKeyCreateOneRecordAndGetOneAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "concurrent-" + key;
        String body = "{\"text\":\"" + text + "\",\"priority\":\"HIGH\"}";
        List<CompletableFuture<Http.Response>> calls = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            for (int i = 0; i < 50; i++) {
                // a small delay in the handler keeps the first request in flight while the others arrive
                calls.add(CompletableFuture.supplyAsync(() -> http.post("/api/test/notes?delayMillis=200", body,
                        Map.of("Idempotency-Key", key)), pool));
            }
            List<Http.Response> responses = calls.stream().map(CompletableFuture::join).toList();

            assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
            assertThat(responses.stream().map(Http.Response::body).distinct()).hasSize(1);
            assertThat(responses.stream().map(r -> r.header("Location")).distinct()).hasSize(1);
            assertThat(responses.stream().filter(r -> "true".equals(r.header("Idempotency-Replayed")))).hasSize(49);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mongo.count(Query.query(Criteria.where("text").is(text)), "notes")).isEqualTo(1);
    }

    @Test
    void sameKeyWithADifferentBodyIsUnprocessable() {
        String key = UUID.randomUUID().toString();
        assertThat(http.post("/api/test/notes", "{\"text\":\"one\",\"priority\":\"LOW\"}",
                Map.of("Idempotency-Key", key)).status()).isEqualTo(201);

        Http.Response reused = http.post("/api/test/notes", "{\"text\":\"two\",\"priority\":\"LOW\"}",
                Map.of("Idempotency-Key", key));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aReplayAfterTheFactReturnsTheFirstResponseWithoutCreatingAgain() {
        String key = UUID.randomUUID().toString();
        String text = "replay-" + key;
        String body = "{\"text\":\"" + text + "\",\"priority\":\"LOW\"}";
        Http.Response first = http.post("/api/test/notes", body, Map.of("Idempotency-Key", key));
        Http.Response again = http.post("/api/test/notes", body, Map.of("Idempotency-Key", key));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(mongo.count(Query.query(Criteria.where("text").is(text)), "notes")).isEqualTo(1);
    }

    @Test
    void aServerErrorFreesTheKeySoTheClientCanRetry() {
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"explode\",\"priority\":\"LOW\"}";
        assertThat(http.post("/api/test/notes", body, Map.of("Idempotency-Key", key)).status()).isEqualTo(500);

        Http.Response retry = http.post("/api/test/notes", body, Map.of("Idempotency-Key", key));
        assertThat(retry.status()).isEqualTo(500);
        assertThat(retry.header("Idempotency-Replayed")).isNull();
    }

    @Test
    void keysAreRememberedWithATimeToLiveIndex() {
        http.post("/api/test/notes", "{\"text\":\"ttl\",\"priority\":\"LOW\"}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(mongo.indexOps("idempotency_records").getIndexInfo())
                .anySatisfy(index -> assertThat(index.getExpireAfter()).hasValueSatisfying(
                        ttl -> assertThat(ttl.toHours()).isGreaterThanOrEqualTo(24)));
    }

    @Test
    void tokenEndpointAnswersAreNeverStored() {
        long before = mongo.getCollection("idempotency_records").countDocuments();
        http.post("/oauth2/token", "grant_type=password", Map.of("Idempotency-Key", UUID.randomUUID().toString(),
                "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(mongo.getCollection("idempotency_records").countDocuments()).isEqualTo(before);
    }

    @Test
    void anOverlongKeyIsABadRequest() {
        Http.Response response = http.post("/api/test/notes", "{\"text\":\"k\",\"priority\":\"LOW\"}",
                Map.of("Idempotency-Key", "k".repeat(300)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
    }
}
