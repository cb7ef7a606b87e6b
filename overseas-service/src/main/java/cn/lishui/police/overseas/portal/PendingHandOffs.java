package cn.lishui.police.overseas.portal;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.delivery.PendingWatch;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Whether a portal application or a family-care visit may have a pending hand-off since its queue last found none:
 * one platform {@link PendingWatch} per queue. The platform's scheduler polls both queues every few seconds and
 * every metrics scrape asks for their backlogs; on the embedded store (no secondary indexes) each of those queries
 * reads every application or visit. With the watches an idle portal does not ask the store; {@link PortalApplications}
 * and {@link CareVisits} call {@link #applicationMayBePending} / {@link #careVisitMayBePending} after each write that
 * can leave a hand-off pending (the insert with its first attempt pending, a failed attempt). A restart asks the
 * store again, so what was pending before it is still delivered.
 */
@Component
class PendingHandOffs {

    static final String APPLICATIONS = "portal_applications";
    static final String CARE_VISITS = "care_visits";

    private final MongoTemplate mongo;
    private final PendingWatch applications = new PendingWatch();
    private final PendingWatch careVisits = new PendingWatch();

    PendingHandOffs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void applicationMayBePending() {
        applications.mayBePending();
    }

    void careVisitMayBePending() {
        careVisits.mayBePending();
    }

    long applicationBacklog() {
        return backlog(applications, APPLICATIONS);
    }

    long careVisitBacklog() {
        return backlog(careVisits, CARE_VISITS);
    }

    List<String> applicationsDue(Instant now, int limit) {
        return due(applications, APPLICATIONS, now, limit);
    }

    List<String> careVisitsDue(Instant now, int limit) {
        return due(careVisits, CARE_VISITS, now, limit);
    }

    private long backlog(PendingWatch watch, String collection) {
        return watch.unlessIdle(() -> mongo.count(pending(), collection), count -> count == 0, 0L);
    }

    /**
     * The pending hand-offs by their next attempt, then those of them that are due. The store is asked for all
     * pending ones, not only the due ones: "none pending" lets the queue stop asking, "none due yet" must not.
     */
    private List<String> due(PendingWatch watch, String collection, Instant now, int limit) {
        List<Document> found = watch.unlessIdle(() -> {
            Query query = pending().with(Sort.by("delivery.nextAttemptAt")).limit(limit);
            query.fields().include("_id", "delivery.nextAttemptAt");
            return mongo.find(query, Document.class, collection);
        }, List::isEmpty, List.of());
        return found.stream()
                .filter(document -> document.get("delivery") instanceof Document delivery
                        && delivery.get("nextAttemptAt") instanceof Date next && !next.toInstant().isAfter(now))
                .map(document -> document.get("_id").toString()).toList();
    }

    private static Query pending() {
        return Query.query(Criteria.where("delivery.status").is(Delivery.Status.PENDING));
    }
}
