package cn.lishui.police.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import cn.lishui.police.platform.testapp.Http;
import cn.lishui.police.platform.testapp.PlatformTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** With a short in-flight wait, a repeat that arrives while the first request still runs is a 409. */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fengqiao.idempotency.in-flight-wait=100ms")
class IdempotencyInFlightTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aRepeatWhileTheFirstIsStillRunningIsAConflict() throws Exception {
        Http http = new Http(port);
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":\"slow\",\"priority\":\"LOW\"}";
        long before = mongo.getCollection("idempotency_records").countDocuments();
        CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(
                () -> http.post("/api/test/notes?delayMillis=3000", body, Map.of("Idempotency-Key", key)));
        // the repeat is sent once the first request holds the key (not after a guessed pause)
        long deadline = System.currentTimeMillis() + 10_000;
        while (mongo.getCollection("idempotency_records").countDocuments() == before
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }

        Http.Response repeat = http.post("/api/test/notes?delayMillis=3000", body, Map.of("Idempotency-Key", key));
        assertThat(repeat.status()).isEqualTo(409);
        assertThat(repeat.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT");
        assertThat(first.get().status()).isEqualTo(201);
    }
}
