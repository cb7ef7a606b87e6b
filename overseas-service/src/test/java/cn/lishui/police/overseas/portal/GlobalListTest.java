package cn.lishui.police.overseas.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
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

    /** What clients read, byte for byte: the fields in this order, no others, instants in ISO-8601 UTC. */
    static final String EXPECTED_ITEMS = "[{\"code\":\"LSGA-CRJ-0001\",\"name\":\"出入境记录查询证明（本人申请）\","
            + "\"nameEn\":\"Certificate of exit-entry records\",\"department\":\"EXIT_ENTRY\",\"promisedLimitDays\":0,"
            + "\"feeYuan\":0,\"global\":true,\"zeroVisit\":true,\"channels\":[\"ONLINE\",\"OVERSEAS_STATION\"],"
            + "\"form\":[{\"name\":\"applicantName\",\"labelZh\":\"申请人姓名\",\"labelEn\":\"Applicant name\","
            + "\"type\":\"STRING\",\"values\":[],\"required\":true}]},"
            + "{\"code\":\"LSGA-HZ-0002\",\"name\":\"户籍证明\",\"nameEn\":\"Household registration certificate\","
            + "\"department\":\"HOUSEHOLD\",\"promisedLimitDays\":1,\"feeYuan\":0,\"global\":true,\"zeroVisit\":true,"
            + "\"channels\":[\"ONLINE\",\"OVERSEAS_STATION\"],\"form\":[]}]";

    @Test
    void theAnswerIsTheListAsJsonByteForByteFreshAndStale() {
        list.evict();
        try {
            EntityExchangeResult<byte[]> fresh = http.get().uri(GLOBAL_ITEMS)
                    .header(HttpHeaders.AUTHORIZATION, compatriot("c-" + unique())).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType(MediaType.APPLICATION_JSON)
                    .expectBody().returnResult();
            String body = new String(fresh.getResponseBodyContent(), StandardCharsets.UTF_8);
            String fetchedAt = body.replaceAll("(?s).*\"fetchedAt\":\"([^\"]+)\".*", "$1");
            Instant.parse(fetchedAt);
            assertThat(body).isEqualTo("{\"items\":" + EXPECTED_ITEMS + ",\"count\":2,\"fetchedAt\":\"" + fetchedAt
                    + "\",\"stale\":false}");
            // the same list again: the same bytes
            assertThat(getBytes()).isEqualTo(fresh.getResponseBodyContent());

            // a list past its time: the same items, marked stale, with the time they were read
            List<PublicServiceClient.Item> items = list.listing().items();
            list.evict();
            mongo.save(new GlobalServiceList.Snapshot("global-items", items, Instant.parse("2026-11-28T08:30:00.250Z")));
            assertThat(new String(getBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"items\":" + EXPECTED_ITEMS
                    + ",\"count\":2,\"fetchedAt\":\"2026-11-28T08:30:00.250Z\",\"stale\":true}");
        } finally {
            list.evict();
        }
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
        // a background refresh left by an earlier test would put a fresh list back after the eviction
        await().atMost(Duration.ofSeconds(10)).until(() -> !refreshRunning());
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

    private byte[] getBytes() {
        return http.get().uri(GLOBAL_ITEMS).header(HttpHeaders.AUTHORIZATION, compatriot("c-" + unique())).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent();
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
