package cn.lishui.police.overseas.compatriot;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.delivery.DeliveryQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Home villages accepted unverified while grid-service was down, asked again until grid-service answers:
 * a village becomes VERIFIED, anything else NOT_FOUND (shown to the station's staff to correct).
 */
@Component
class VillageVerificationQueue implements DeliveryQueue {

    static final String NAME = "village-verification";

    private final MongoTemplate mongo;
    private final VillageCheck villages;
    private final Clock clock;

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
        return mongo.count(pending(), Compatriot.class);
    }

    @Override
    public List<String> due(Instant now, int limit) {
        Query due = Query.query(Criteria.where("villageCheck.status").is(Delivery.Status.PENDING)
                .and("villageCheck.nextAttemptAt").lte(now))
                .with(Sort.by("villageCheck.nextAttemptAt")).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, Compatriot.class).stream().map(Compatriot::id).toList();
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
        return Delivery.Outcome.RETRY;
    }

    private static Query pending() {
        return Query.query(Criteria.where("villageCheck.status").is(Delivery.Status.PENDING));
    }
}
