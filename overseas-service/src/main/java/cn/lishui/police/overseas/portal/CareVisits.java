package cn.lishui.police.overseas.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import cn.lishui.police.overseas.access.Staff;
import cn.lishui.police.overseas.client.GridClient;
import cn.lishui.police.overseas.client.ServiceIdentity;
import cn.lishui.police.overseas.compatriot.Compatriots;
import cn.lishui.police.overseas.compatriot.VillageStatus;
import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.delivery.DeliveryFailures;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.mongo.MongoPages;
import cn.lishui.police.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Family-care visits: saved with a pending hand-off, sent to grid-service once in the request, redelivered by
 * {@link CareVisitQueue} while grid-service is down (told to look again after each write that leaves the hand-off
 * pending: {@link PendingHandOffs}); the visit's state is read back from grid-service.
 */
@Service
class CareVisits {

    private final MongoTemplate mongo;
    private final GridClient grid;
    private final Compatriots compatriots;
    private final PendingHandOffs pending;
    private final Clock clock;

    CareVisits(MongoTemplate mongo, GridClient grid, Compatriots compatriots, PendingHandOffs pending,
               ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.pending = pending;
        this.grid = grid;
        this.compatriots = compatriots;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    static String keyOf(String id) {
        return "overseas-care-visit-" + id;
    }

    CareVisit ask(PortalCommands.AskCareVisit command, Caller caller) {
        boolean self = caller.hasRole("COMPATRIOT") && !Staff.atAStation(caller);
        Compatriots.Profile compatriot;
        if (self) {
            compatriot = compatriots.profileOfCaller(caller);
        } else {
            if (command.compatriotId() == null) {
                throw DomainException.badRequest("COMPATRIOT_ID_REQUIRED");
            }
            compatriot = compatriots.profileFor(command.compatriotId(), caller);
            if (!Staff.ofStation(caller, compatriot.stationId())) {
                throw DomainException.forbidden("FORBIDDEN");
            }
        }
        if (!compatriot.familyConsent()) {
            throw DomainException.unprocessable("FAMILY_CONSENT_REQUIRED");
        }
        if (compatriot.villageStatus() == VillageStatus.NOT_FOUND) {
            throw DomainException.unprocessable("VILLAGE_NOT_FOUND", compatriot.homeVillageCode());
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String requestedBy = compatriot.name() + (self ? "" : "（驿站代为申请）");
        mongo.insert(new CareVisit(id, compatriot.id(), compatriot.stationId(), compatriot.homeVillageCode(),
                command.familyMembers().strip(), command.note() == null || command.note().isBlank() ? null
                : command.note().strip(), requestedBy.length() > 100 ? requestedBy.substring(0, 100) : requestedBy,
                caller.subject(), Delivery.pending(keyOf(id), now.plus(PortalApplications.INLINE_ATTEMPT_GRACE)), null, null, null, null, null, null, now));
        pending.careVisitMayBePending();
        deliver(id);
        return mongo.findById(id, CareVisit.class);
    }

    Delivery.Outcome deliver(String id) {
        CareVisit visit = mongo.findById(id, CareVisit.class);
        if (visit == null || !visit.delivery().pending()) {
            return Delivery.Outcome.SKIPPED;
        }
        Delivery delivery = visit.delivery();
        Query stillPending = Query.query(Criteria.where("_id").is(id).and("delivery.status").is(Delivery.Status.PENDING));
        try {
            GridClient.CareVisit accepted = ServiceIdentity.call(() -> grid.requestCareVisit(delivery.key(),
                    new GridClient.CareVisitRequest(visit.villageCode(), visit.id(), visit.familyMembers(),
                            visit.note(), visit.requestedBy())));
            Instant now = clock.instant();
            mongo.updateFirst(stillPending, seen(accepted, now).set("delivery", delivery.delivered(accepted.id(), now))
                    .set("gridVisitId", accepted.id()), CareVisit.class);
            return Delivery.Outcome.DELIVERED;
        } catch (RuntimeException failure) {
            Instant now = clock.instant();
            String error = DeliveryFailures.describe(failure);
            boolean permanent = DeliveryFailures.permanent(failure);
            mongo.updateFirst(stillPending, new Update().set("delivery",
                    permanent ? delivery.rejected(error, now) : delivery.failed(error, now)), CareVisit.class);
            if (!permanent) {
                pending.careVisitMayBePending();
            }
            return permanent ? Delivery.Outcome.REJECTED : Delivery.Outcome.RETRY;
        }
    }

    /** The visit with grid-service's current state; the last known one, marked stale, when grid cannot say. */
    CareVisitView track(String id, Caller caller) {
        CareVisit visit = get(id, caller);
        if (visit.gridVisitId() == null) {
            return CareVisitView.of(visit, false);
        }
        try {
            GridClient.CareVisit current = ServiceIdentity.call(() -> grid.careVisit(visit.gridVisitId()));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), seen(current, clock.instant()),
                    CareVisit.class);
            return CareVisitView.of(mongo.findById(id, CareVisit.class), false);
        } catch (RuntimeException unavailable) {
            return CareVisitView.of(visit, true);
        }
    }

    CareVisit get(String id, Caller caller) {
        CareVisit visit = mongo.findById(id, CareVisit.class);
        boolean mine = visit != null && caller.hasRole("COMPATRIOT") && compatriots.profile(visit.compatriotId())
                .map(c -> caller.subject().equals(c.subject())).orElse(false);
        if (visit == null || !mine && !Staff.ofStation(caller, visit.stationId())) {
            throw DomainException.notFound("CARE_VISIT_NOT_FOUND", id);
        }
        return visit;
    }

    Page<CareVisit> list(Caller caller, Pageable pageable) {
        Criteria criteria;
        if (Staff.overseeing(caller)) {
            criteria = new Criteria();
        } else if (Staff.atAStation(caller)) {
            criteria = Criteria.where("stationId").is(caller.stationId());
        } else {
            criteria = Criteria.where("compatriotId").is(compatriots.profileOfCaller(caller).id());
        }
        Query query = Query.query(criteria);
        return MongoPages.find(mongo, query, pageable, Sort.by(Sort.Direction.DESC, "createdAt"), CareVisit.class);
    }

    private static Update seen(GridClient.CareVisit visit, Instant now) {
        return new Update().set("visitStatus", visit.status()).set("officerName", visit.officerName())
                .set("visitedAt", visit.visitedAt()).set("result", visit.result()).set("checkedAt", now);
    }
}
