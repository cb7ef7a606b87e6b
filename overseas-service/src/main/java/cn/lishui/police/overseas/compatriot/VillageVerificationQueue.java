package cn.lishui.police.overseas.compatriot;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.delivery.DeliveryQueue;
import cn.lishui.police.platform.delivery.PendingWatch;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Home villages accepted unverified while grid-service was down, asked again until grid-service answers:
 * a village becomes VERIFIED, anything else NOT_FOUND (shown to the station's staff to correct). While none is
 * pending the queue does not ask the store (a platform {@link PendingWatch}: the scheduler's poll every few seconds
 * and every metrics scrape read every compatriot on the embedded store); {@link Compatriots} calls
 * {@link #startedPending} after each write that leaves a check pending.
 */
@Component
class VillageVerificationQueue implements DeliveryQueue {

    static final String NAME = "village-verification";

    private final MongoTemplate mongo;
    private final VillageCheck villages;
    private final Clock clock;
    private final PendingWatch pending = new PendingWatch();

    VillageVerificationQueue(MongoTemplate mongo, VillageCheck villages, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.villages = villages;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    static String keyOf(String compatriotId) {
        return NAME + "-" + compatriotId;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long backlog() {
        return pending.unlessIdle(() -> mongo.count(pending(), Compatriot.class), count -> count == 0, 0L);
    }

    /**
     * The pending checks by their next attempt, then those of them that are due. The store is asked for all pending
     * ones, not only the due ones: "none pending" lets the queue stop asking, "none due yet" must not.
     */
    @Override
    public List<String> due(Instant now, int limit) {
        List<Document> found = pending.unlessIdle(() -> {
            Query query = pending().with(Sort.by("villageCheck.nextAttemptAt")).limit(limit);
            query.fields().include("_id", "villageCheck.nextAttemptAt");
            return mongo.find(query, Document.class, mongo.getCollectionName(Compatriot.class));
        }, List::isEmpty, List.of());
        return found.stream()
                .filter(document -> document.get("villageCheck") instanceof Document check
                        && check.get("nextAttemptAt") instanceof Date next && !next.toInstant().isAfter(now))
                .map(document -> document.get("_id").toString()).toList();
    }

    /** After a compatriot was saved with a village check pending (registration, correction): the queue looks again. */
    void startedPending() {
        pending.mayBePending();
    }

    @Override
    public Delivery.Outcome redeliver(String compatriotId) {
        Compatriot compatriot = mongo.findById(compatriotId, Compatriot.class);
        if (compatriot == null || compatriot.villageCheck() == null || !compatriot.villageCheck().pending()) {
            return Delivery.Outcome.SKIPPED;
        }
        Delivery check = compatriot.villageCheck();
        Instant now = clock.instant();
        Query stillPending = Query.query(Criteria.where("_id").is(compatriotId)
                .and("villageCheck.status").is(Delivery.Status.PENDING));
        VillageCheck.Result result = villages.check(compatriot.homeVillageCode());
        if (result instanceof VillageCheck.Village village) {
            mongo.updateFirst(stillPending, new Update().set("villageStatus", VillageStatus.VERIFIED)
                    .set("homeVillageName", village.name())
                    .set("villageCheck", check.delivered(compatriot.homeVillageCode(), now)).inc("version", 1),
                    Compatriot.class);
            return Delivery.Outcome.DELIVERED;
        }
        if (result instanceof VillageCheck.NoVillage no) {
            mongo.updateFirst(stillPending, new Update().set("villageStatus", VillageStatus.NOT_FOUND)
                    .set("villageCheck", check.rejected(no.reason(), now)).inc("version", 1), Compatriot.class);
            return Delivery.Outcome.REJECTED;
        }
        mongo.updateFirst(stillPending, new Update().set("villageCheck",
                check.failed(((VillageCheck.Unavailable) result).error(), now)), Compatriot.class);
        pending.mayBePending();
        return Delivery.Outcome.RETRY;
    }

    private static Query pending() {
        return Query.query(Criteria.where("villageCheck.status").is(Delivery.Status.PENDING));
    }
}
