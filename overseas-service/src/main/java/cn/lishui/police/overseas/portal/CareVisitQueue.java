package cn.lishui.police.overseas.portal;

import java.time.Instant;
import java.util.List;

import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.delivery.DeliveryQueue;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Family-care visits grid-service has not taken yet; the platform's scheduler redelivers them. */
@Component
class CareVisitQueue implements DeliveryQueue {

    private final MongoTemplate mongo;
    private final CareVisits visits;

    CareVisitQueue(MongoTemplate mongo, CareVisits visits) {
        this.mongo = mongo;
        this.visits = visits;
    }

    @Override
    public String name() {
        return "care-visits";
    }

    @Override
    public long backlog() {
        return mongo.count(Query.query(Criteria.where("delivery.status").is(Delivery.Status.PENDING)),
                CareVisit.class);
    }

    @Override
    public List<String> due(Instant now, int limit) {
        Query due = Query.query(Criteria.where("delivery.status").is(Delivery.Status.PENDING)
                .and("delivery.nextAttemptAt").lte(now)).with(Sort.by("delivery.nextAttemptAt")).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, "care_visits").stream()
                .map(document -> document.get("_id").toString()).toList();
    }

    @Override
    public Delivery.Outcome redeliver(String id) {
        return visits.deliver(id);
    }
}
