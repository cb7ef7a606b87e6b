package cn.lishui.police.grid.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.lishui.police.grid.client.MediationClient;
import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.delivery.DeliveryFailures;
import cn.lishui.police.platform.delivery.DeliveryQueue;
import cn.lishui.police.platform.delivery.PendingWatch;
import cn.lishui.police.platform.personaldata.PersonalDataReveals;
import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The hand-off of transferred disputes to mediation-service (110 联调). The hand-off lives in the
 * incident's own document as a platform {@link Delivery}; the first attempt is made in the request that
 * closes the incident, and the platform's scheduler redelivers pending ones through this queue with the
 * same Idempotency-Key until mediation accepts (or refuses for good). While none is pending the queue does not ask
 * the store (a platform {@link PendingWatch}: each query read every incident on the embedded store, every 5 s and
 * at every metrics scrape).
 */
@Component
class MediationHandOffs implements DeliveryQueue {

    static final String QUEUE = "mediation-handoff";
    private static final Logger log = LoggerFactory.getLogger(MediationHandOffs.class);
    private static final String SYSTEM_ACTOR = "grid-service";
    private static final String PURPOSE = "110联调：移交调解 (incident hand-off to mediation)";

    private final MongoTemplate mongo;
    private final MediationClient mediation;
    private final PersonalDataReveals reveals;
    private final Clock clock;
    private final PendingWatch pending = new PendingWatch();

    MediationHandOffs(MongoTemplate mongo, MediationClient mediation, PersonalDataReveals reveals,
                      ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.mediation = mediation;
        this.reveals = reveals;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public String name() {
        return QUEUE;
    }

    @Override
    public long backlog() {
        return pending.unlessIdle(() -> mongo.count(Query.query(Criteria.where("handoff.status")
                .is(Delivery.Status.PENDING)), Incident.class), count -> count == 0, 0L);
    }

    /** The pending hand-offs by their next attempt, then those of them due: none pending is worth knowing. */
    @Override
    public List<String> due(Instant now, int limit) {
        List<org.bson.Document> found = pending.unlessIdle(() -> {
            Query query = Query.query(Criteria.where("handoff.status").is(Delivery.Status.PENDING))
                    .with(Sort.by("handoff.nextAttemptAt")).limit(limit);
            query.fields().include("_id", "handoff.nextAttemptAt");
            return mongo.find(query, org.bson.Document.class, mongo.getCollectionName(Incident.class));
        }, List::isEmpty, List.of());
        return found.stream()
                .filter(d -> d.get("handoff") instanceof org.bson.Document handoff
                        && handoff.get("nextAttemptAt") instanceof java.util.Date next && !next.toInstant().isAfter(now))
                .map(d -> d.getString("_id")).toList();
    }

    /** After an incident was saved with a hand-off pending (the close that starts it): the queue looks again. */
    void startedPending() {
        pending.mayBePending();
    }

    @Override
    public Delivery.Outcome redeliver(String incidentId) {
        Incident incident = mongo.findById(incidentId, Incident.class);
        if (incident == null || incident.handoff() == null || !incident.handoff().pending()) {
            return Delivery.Outcome.SKIPPED;
        }
        return attempt(incident, SYSTEM_ACTOR);
    }

    /** One attempt; records the new state of the hand-off in the incident and says how it went. */
    Delivery.Outcome attempt(Incident incident, String handedOffBy) {
        Delivery current = incident.handoff();
        Instant now = clock.instant();
        Delivery next;
        Delivery.Outcome outcome;
        try {
            MediationClient.Receipt receipt = mediation.handOff(current.key(), body(incident, handedOffBy));
            next = current.delivered(receipt == null ? null : receipt.disputeId(), now);
            outcome = Delivery.Outcome.DELIVERED;
        } catch (RuntimeException failure) {
            String why = DeliveryFailures.describe(failure);
            if (DeliveryFailures.permanent(failure)) {
                next = current.rejected(why, now);
                outcome = Delivery.Outcome.REJECTED;
                log.warn("Hand-off of incident {} refused by mediation: {}", incident.id(), why);
            } else {
                next = current.failed(why, now);
                outcome = Delivery.Outcome.RETRY;
                log.info("Hand-off of incident {} not delivered yet ({}), next attempt at {}", incident.id(), why,
                        next.nextAttemptAt());
            }
        }
        // Only the hand-off changes; the version moves so a concurrent stale save of the incident is a conflict.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(incident.id()).and("handoff.key").is(current.key())),
                new Update().set("handoff", next).inc("version", 1), Incident.class);
        incident.handOff(next);
        if (next.pending()) {
            pending.mayBePending();
        }
        return outcome;
    }

    private MediationClient.IncidentHandoff body(Incident incident, String handedOffBy) {
        List<MediationClient.Party> parties = new ArrayList<>();
        for (Incident.Party party : incident.parties()) {
            parties.add(new MediationClient.Party(reveal(party.name(), incident), reveal(party.phone(), incident),
                    party.role()));
        }
        if (parties.isEmpty() && incident.reporter() != null && incident.reporter().name() != null) {
            parties.add(new MediationClient.Party(reveal(incident.reporter().name(), incident),
                    reveal(incident.reporter().phone(), incident), "APPLICANT"));
        }
        return new MediationClient.IncidentHandoff(incident.id(), incident.number(), incident.countyCode(),
                incident.villageCode(), incident.disputeCategory() == null ? "OTHER" : incident.disputeCategory(),
                incident.description(), incident.reportedAt(), parties, handedOffBy);
    }

    /** Party data leave grid-service in clear only here, each time audited. */
    private String reveal(ProtectedValue value, Incident incident) {
        if (value == null) {
            return null;
        }
        return reveals.reveal(value, new PersonalDataReveals.Request(SYSTEM_ACTOR, Set.of("SERVICE"), "incident",
                incident.id(), PURPOSE));
    }
}
