package cn.lishui.police.grid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.lishui.police.grid.GridFixture;
import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Intake with Idempotency-Keys under concurrency (what the keyed-incidents benchmark does): every key creates
 * exactly one incident however often and however concurrently it is sent, and incident numbers never repeat,
 * also when numbering resumes after a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class IncidentIntakeKeysTest {

    static final String VILLAGE = "331121101201";
    static final String COMMANDER = TestTokens.bearer("commander-keys", "COMMANDER");

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void aVillageOfQingtian() {
        new GridFixture(http, mongo).clear("incidents", IncidentNumbers.COUNTERS).village(VILLAGE, "测试村");
    }

    @Test
    void concurrentRepeatsOfEachKeyCreateOneIncidentPerKeyAndNoNumberTwice() throws Exception {
        int keys = 24;
        int repeats = 3;
        String marker = "并发重复提交 " + UUID.randomUUID();
        List<String> sent = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            String key = "intake-" + UUID.randomUUID();
            for (int r = 0; r < repeats; r++) {
                sent.add(key);
            }
        }
        java.util.Collections.shuffle(sent);
        ExecutorService callers = Executors.newFixedThreadPool(12);
        Map<String, Set<String>> answeredIds = new HashMap<>();
        try {
            List<Future<String[]>> answers = new ArrayList<>();
            for (String key : sent) {
                answers.add(callers.submit(() -> {
                    EntityExchangeResult<byte[]> result = http.post().uri("/api/grid/incidents")
                            .header(HttpHeaders.AUTHORIZATION, COMMANDER).header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("category", "OTHER", "description", marker, "villageCode", VILLAGE))
                            .exchange().expectStatus().isCreated().expectBody().returnResult();
                    String location = result.getResponseHeaders().getLocation().toString();
                    return new String[] {key, location.substring(location.lastIndexOf('/') + 1)};
                }));
            }
            for (Future<String[]> answer : answers) {
                String[] keyAndId = answer.get();
                answeredIds.computeIfAbsent(keyAndId[0], k -> new HashSet<>()).add(keyAndId[1]);
            }
        } finally {
            callers.shutdownNow();
        }

        // every repeat of a key was answered with the same incident
        assertThat(answeredIds).hasSize(keys).allSatisfy((key, ids) -> assertThat(ids).hasSize(1));
        List<Document> created = mongo.find(Query.query(Criteria.where("description").is(marker)), Document.class,
                "incidents");
        assertThat(created).hasSize(keys);
        assertThat(created).extracting(incident -> incident.getString("_id"))
                .containsExactlyInAnyOrderElementsOf(answeredIds.values().stream().map(ids -> ids.iterator().next()).toList());
        assertThat(created).extracting(incident -> incident.getString("number")).doesNotHaveDuplicates()
                .allMatch(number -> number.matches("JQ331121\\d{8}\\d{5}"));
    }

    @Test
    void numbersResumeAboveEveryNumberHandedOutBeforeARestart() {
        Instant now = Instant.now();
        IncidentNumbers before = new IncidentNumbers(mongo);
        List<String> first = new ArrayList<>();
        for (int i = 0; i < IncidentNumbers.BLOCK + 5; i++) {   // into a second reserved block
            first.add(before.next("331122", now));
        }
        IncidentNumbers afterRestart = new IncidentNumbers(mongo);   // the same store, nothing in memory
        List<String> second = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            second.add(afterRestart.next("331122", now));
        }

        assertThat(first).doesNotHaveDuplicates().isSorted();
        assertThat(second).doesNotHaveDuplicates().isSorted();
        assertThat(second.get(0)).isGreaterThan(first.get(first.size() - 1));
        assertThat(first.get(0)).endsWith("00001");
        // another county's numbers are counted on their own
        assertThat(afterRestart.next("331123", now)).startsWith("JQ331123").endsWith("00001");
    }
}
