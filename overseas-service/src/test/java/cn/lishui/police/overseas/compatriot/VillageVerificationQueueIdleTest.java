package cn.lishui.police.overseas.compatriot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import cn.lishui.police.overseas.support.ApiTestSupport;
import cn.lishui.police.overseas.support.Providers;
import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.test.SelectedMongo;
import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * The home-village re-verification queue while nothing is pending: it stops asking the store, looks again after a
 * registration left a check pending, and a restart (a fresh queue over the same store) still verifies what was
 * pending before it once grid-service is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class VillageVerificationQueueIdleTest extends ApiTestSupport {

    @Autowired
    MongoClient client;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    VillageCheck villages;

    @Autowired
    ObjectProvider<Clock> clock;

    @Test
    void anIdleQueueStopsAskingTheStoreUntilACheckIsLeftPending() {
        MongoTemplate store = spy(new MongoTemplate(client, "overseas_idle_" + unique()));
        VillageVerificationQueue queue = new VillageVerificationQueue(store, villages, clock);
        String collection = mongo.getCollectionName(Compatriot.class);
        Instant now = Instant.now();

        assertThat(queue.due(now, 50)).isEmpty();
        assertThat(queue.backlog()).isZero();
        clearInvocations(store);
        for (int poll = 0; poll < 5; poll++) {
            assertThat(queue.due(now.plusSeconds(poll), 50)).isEmpty();
            assertThat(queue.backlog()).isZero();
        }
        verify(store, never()).find(any(Query.class), eq(Document.class), anyString());
        verify(store, never()).count(any(Query.class), eq(Compatriot.class));

        // a check left pending, next attempt in a minute: asked for once told, and while pending though not due
        String id = "compatriot-" + unique();
        store.insert(new Document("_id", id).append("villageCheck", new Document("key", VillageVerificationQueue.keyOf(id))
                .append("status", Delivery.Status.PENDING.name()).append("nextAttemptAt", Date.from(now.plusSeconds(60)))),
                collection);
        queue.startedPending();
        assertThat(queue.backlog()).isOne();
        assertThat(queue.due(now, 50)).isEmpty();
        assertThat(queue.due(now.plusSeconds(61), 50)).containsExactly(id);

        // a restart: a fresh queue over the same store finds it without being told
        assertThat(new VillageVerificationQueue(store, villages, clock).due(now.plusSeconds(61), 50)).containsExactly(id);
    }

    @Test
    void aRegistrationLeftUnverifiedBeforeARestartIsVerifiedOnceGridIsBack() {
        String station = openStation();
        String subject = "c-" + unique();
        JsonNode created;
        Providers.GRID.down(true);
        try {
            created = registerSelf(subject, station);
        } finally {
            Providers.GRID.down(false);
        }
        String id = created.path("id").asString();
        assertThat(created.path("villageStatus").asString()).isEqualTo("UNVERIFIED");

        VillageVerificationQueue restarted = new VillageVerificationQueue(mongo, villages, clock);
        assertThat(restarted.backlog()).isPositive();
        assertThat(restarted.due(Instant.now().plus(Duration.ofMinutes(10)), 1000)).contains(id);
        assertThat(restarted.redeliver(id)).isEqualTo(Delivery.Outcome.DELIVERED);
        assertThat(get("/api/overseas/compatriots/" + id, compatriot(subject)).path("villageStatus").asString())
                .isEqualTo("VERIFIED");
    }
}
