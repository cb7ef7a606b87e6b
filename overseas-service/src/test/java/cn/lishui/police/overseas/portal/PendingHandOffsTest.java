package cn.lishui.police.overseas.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import cn.lishui.police.overseas.support.ApiTestSupport;
import cn.lishui.police.overseas.support.Providers;
import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.test.SelectedMongo;
import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * The portal's delivery queues while nothing is pending: they stop asking the store, look again after a write that
 * leaves a hand-off pending, and a restart (a fresh queue over the same store) still finds and delivers what was
 * pending before it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class PendingHandOffsTest extends ApiTestSupport {

    @Autowired
    MongoClient client;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PortalApplications applications;

    @Autowired
    CareVisits careVisits;

    /** A store of its own (a database nobody else writes), watched for the queries the queues send. */
    private MongoTemplate emptyStore() {
        return spy(new MongoTemplate(client, "overseas_idle_" + unique()));
    }

    @Test
    void anIdleQueueStopsAskingTheStoreUntilAWriteLeavesAHandOffPending() {
        for (String collection : new String[] {PendingHandOffs.APPLICATIONS, PendingHandOffs.CARE_VISITS}) {
            MongoTemplate store = emptyStore();
            PendingHandOffs pending = new PendingHandOffs(store);
            boolean applicationsQueue = collection.equals(PendingHandOffs.APPLICATIONS);
            Instant now = Instant.now();

            assertThat(due(pending, applicationsQueue, now)).isEmpty();
            assertThat(backlog(pending, applicationsQueue)).isZero();
            clearInvocations(store);
            for (int poll = 0; poll < 5; poll++) {
                assertThat(due(pending, applicationsQueue, now.plusSeconds(poll))).isEmpty();
                assertThat(backlog(pending, applicationsQueue)).isZero();
            }
            verify(store, never()).find(any(Query.class), eq(Document.class), anyString());
            verify(store, never()).count(any(Query.class), anyString());

            // a hand-off saved pending, first attempt in 30 s: the queue is told, asks, and keeps asking while it
            // is pending even though it is not due yet
            String id = "pending-" + unique();
            store.insert(pendingHandOff(id, now.plusSeconds(30)), collection);
            mayBePending(pending, applicationsQueue);
            assertThat(backlog(pending, applicationsQueue)).isOne();
            assertThat(due(pending, applicationsQueue, now)).isEmpty();
            assertThat(due(pending, applicationsQueue, now.plusSeconds(31))).containsExactly(id);

            // a restart: a fresh queue over the same store finds it without being told
            assertThat(due(new PendingHandOffs(store), applicationsQueue, now.plusSeconds(31))).containsExactly(id);
        }
    }

    @Test
    void anApplicationQueuedBeforeARestartIsDeliveredOncePublicServiceIsBack() {
        String subject = "c-" + unique();
        registerSelf(subject, openStation());
        JsonNode queued;
        Providers.PUBLIC.down(true);
        try {
            queued = post("/api/overseas/portal/applications", compatriot(subject),
                    Map.of("itemCode", "LSGA-CRJ-0001", "form", Map.of("applicantName", "陈侨")));
        } finally {
            Providers.PUBLIC.down(false);
        }
        String id = queued.path("id").asString();
        assertThat(queued.path("state").asString()).isEqualTo("QUEUED");

        // after a restart the queue has never been told of it: it asks the store
        PortalApplicationQueue restarted = new PortalApplicationQueue(new PendingHandOffs(mongo), applications);
        assertThat(restarted.backlog()).isPositive();
        assertThat(restarted.due(Instant.now().plus(Duration.ofMinutes(10)), 1000)).contains(id);
        assertThat(restarted.redeliver(id)).isEqualTo(Delivery.Outcome.DELIVERED);
        assertThat(get("/api/overseas/portal/applications/" + id, compatriot(subject)).path("state").asString())
                .isEqualTo("SUBMITTED");
        assertThat(restarted.due(Instant.now().plus(Duration.ofMinutes(10)), 1000)).doesNotContain(id);
    }

    @Test
    void aCareVisitQueuedBeforeARestartIsHandedOverOnceGridIsBack() {
        String subject = "c-" + unique();
        String compatriotId = registerWithFamily(subject, openStation());
        JsonNode queued;
        Providers.GRID.down(true);
        try {
            queued = post("/api/overseas/portal/care-visits", compatriot(subject), Map.of("familyMembers", "母亲，80岁"));
        } finally {
            Providers.GRID.down(false);
        }
        String id = queued.path("id").asString();
        assertThat(queued.path("handOff").asString()).isEqualTo("QUEUED");
        assertThat(compatriotId).isNotBlank();

        CareVisitQueue restarted = new CareVisitQueue(new PendingHandOffs(mongo), careVisits);
        assertThat(restarted.due(Instant.now().plus(Duration.ofMinutes(10)), 1000)).contains(id);
        assertThat(restarted.redeliver(id)).isEqualTo(Delivery.Outcome.DELIVERED);
        assertThat(get("/api/overseas/portal/care-visits/" + id, compatriot(subject)).path("handOff").asString())
                .isEqualTo("SUBMITTED");
    }

    private String registerWithFamily(String subject, String station) {
        Map<String, Object> body = new java.util.HashMap<>(registration(station));
        body.put("family", java.util.List.of(Map.of("relation", "MOTHER", "name", "林秀英", "age", 80, "livesAlone", true)));
        body.put("familyConsent", true);
        return post("/api/overseas/compatriots", compatriot(subject), body).path("id").asString();
    }

    private static Document pendingHandOff(String id, Instant nextAttemptAt) {
        return new Document("_id", id).append("delivery", new Document("key", "k-" + id)
                .append("status", Delivery.Status.PENDING.name()).append("nextAttemptAt", Date.from(nextAttemptAt)));
    }

    private static java.util.List<String> due(PendingHandOffs pending, boolean applications, Instant now) {
        return applications ? pending.applicationsDue(now, 50) : pending.careVisitsDue(now, 50);
    }

    private static long backlog(PendingHandOffs pending, boolean applications) {
        return applications ? pending.applicationBacklog() : pending.careVisitBacklog();
    }

    private static void mayBePending(PendingHandOffs pending, boolean applications) {
        if (applications) {
            pending.applicationMayBePending();
        } else {
            pending.careVisitMayBePending();
        }
    }
}
