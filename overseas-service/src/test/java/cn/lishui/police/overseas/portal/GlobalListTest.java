package cn.lishui.police.overseas.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.lishui.police.overseas.client.PublicServiceClient;
import cn.lishui.police.overseas.support.ApiTestSupport;
import cn.lishui.police.overseas.support.Providers;
import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** The global list: read from public-service, cached, and served stale when public-service is down. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class GlobalListTest extends ApiTestSupport {

    static final String GLOBAL_ITEMS = "/api/overseas/portal/global-items";

    @Autowired
    GlobalServiceList list;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theListIsReadOnceAndThenServedFromTheCache() {
        list.evict();
        int before = Providers.PUBLIC.calls("GET /api/public/items").size();

        JsonNode first = get(GLOBAL_ITEMS, compatriot("c-" + unique()));
        JsonNode second = get(GLOBAL_ITEMS, staffOf("any-station"));

        assertThat(first.path("stale").asBoolean()).isFalse();
        assertThat(first.path("count").asInt()).isEqualTo(2);
        assertThat(first.path("items").get(0).path("code").asString()).isEqualTo("LSGA-CRJ-0001");
        assertThat(first.path("items").get(0).path("form").get(0).path("name").asString()).isEqualTo("applicantName");
        assertThat(second.path("fetchedAt").asString()).isEqualTo(first.path("fetchedAt").asString());
        assertThat(Providers.PUBLIC.calls("GET /api/public/items")).hasSize(before + 1);
        assertThat(Providers.PUBLIC.calls("GET /api/public/items").get(before).query())
                .contains("global=true").contains("size=200");
    }

    @Test
    void whenPublicServiceIsDownTheLastKnownListIsServedStaleWithoutAskingAgain() {
        list.evict();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        mongo.save(new GlobalServiceList.Snapshot("global-items", List.of(new PublicServiceClient.Item("LSGA-CRJ-0001",
                "出入境记录查询证明", "Certificate", "EXIT_ENTRY", 0, 0, true, true, List.of("OVERSEAS_STATION"),
                List.of())), yesterday));
        Providers.PUBLIC.down(true);
        try {
            int before = Providers.PUBLIC.calls("GET /api/public/items").size();
            JsonNode stale = get(GLOBAL_ITEMS, compatriot("c-" + unique()));
            JsonNode again = get(GLOBAL_ITEMS, compatriot("c-" + unique()));

            assertThat(stale.path("stale").asBoolean()).isTrue();
            assertThat(stale.path("count").asInt()).isEqualTo(1);
            assertThat(Instant.parse(stale.path("fetchedAt").asString())).isEqualTo(yesterday.truncatedTo(
                    java.time.temporal.ChronoUnit.MILLIS));
            assertThat(again.path("stale").asBoolean()).isTrue();
            // one failed refresh in the background (with the client's retries), then none while the retry pause lasts
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(Providers.PUBLIC.calls("GET /api/public/items").size()).isGreaterThan(before));
            await().atMost(Duration.ofSeconds(10)).until(() -> !refreshRunning());
            int during = Providers.PUBLIC.calls("GET /api/public/items").size();
            assertThat(get(GLOBAL_ITEMS, compatriot("c-" + unique())).path("stale").asBoolean()).isTrue();
            assertThat(Providers.PUBLIC.calls("GET /api/public/items")).hasSize(during);
        } finally {
            Providers.PUBLIC.down(false);
            list.evict();
        }
        assertThat(get(GLOBAL_ITEMS, compatriot("c-" + unique())).path("stale").asBoolean()).isFalse();
    }

    @Test
    void aListPastItsTimeIsAnsweredAtOnceMarkedStaleWhileItIsRefreshedInTheBackground() {
        list.evict();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        mongo.save(new GlobalServiceList.Snapshot("global-items", List.of(new PublicServiceClient.Item("LSGA-CRJ-0001",
                "出入境记录查询证明", "Certificate", "EXIT_ENTRY", 0, 0, true, true, List.of("OVERSEAS_STATION"),
                List.of())), yesterday));
        try {
            JsonNode old = get(GLOBAL_ITEMS, compatriot("c-" + unique()));

            assertThat(old.path("stale").asBoolean()).isTrue();
            assertThat(old.path("count").asInt()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode fresh = get(GLOBAL_ITEMS, compatriot("c-" + unique()));
                assertThat(fresh.path("stale").asBoolean()).isFalse();
                assertThat(fresh.path("count").asInt()).isEqualTo(2);
            });
        } finally {
            list.evict();
        }
    }

    /** Whether the background refresh thread is still at work. */
    private static boolean refreshRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().equals("global-list-refresh"));
    }

    @Test
    void withNoListEverReadAndPublicServiceDownTheAnswerIsA503Problem() {
        list.evict();
        Providers.PUBLIC.down(true);
        try {
            http.get().uri(GLOBAL_ITEMS).header(HttpHeaders.AUTHORIZATION, compatriot("c-" + unique())).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.code").isEqualTo("GLOBAL_LIST_UNAVAILABLE");
        } finally {
            Providers.PUBLIC.down(false);
            list.evict();
        }
    }

    @Test
    void theListNeedsASignedInCaller() {
        http.get().uri(GLOBAL_ITEMS).exchange().expectStatus().isUnauthorized();
    }
}
