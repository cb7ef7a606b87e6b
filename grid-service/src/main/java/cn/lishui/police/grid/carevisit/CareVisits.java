package cn.lishui.police.grid.carevisit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.lishui.police.grid.access.CallerArea;
import cn.lishui.police.grid.officer.Assignments;
import cn.lishui.police.grid.officer.Assignments.AssignedOfficer;
import cn.lishui.police.grid.region.MapDirectory;
import cn.lishui.police.grid.region.MapDirectory.GridPlace;
import cn.lishui.police.grid.region.MapDirectory.Place;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Family-care visits (亲情关爱走访): requested for a village, assigned to the grid officer of the village's
 * first covered grid (else to one of its chiefs), accepted, visited or cancelled.
 */
@Service
class CareVisits {

    /** A visit and whether this request created it (201) or found it by its requestRef (200). */
    record Requested(CareVisit visit, boolean created) {
    }

    private final MongoTemplate mongo;
    private final MapDirectory map;
    private final Assignments assignments;
    private final Clock clock;

    CareVisits(MongoTemplate mongo, MapDirectory map, Assignments assignments, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.map = map;
        this.assignments = assignments;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Requested request(NewCareVisit command, Caller caller) {
        String requestRef = command.requestRef().strip();
        Optional<CareVisit> existing = byRequestRef(requestRef);
        if (existing.isPresent()) {
            return new Requested(existing.get(), false);
        }
        Place village = map.village(command.villageCode())
                .orElseThrow(() -> DomainException.notFound("VILLAGE_NOT_FOUND", command.villageCode()));
        List<GridPlace> grids = map.gridsOfVillage(village.code());
        Assignments.Responsible responsible = assignments.responsibleFor(village.code(), null)
                .orElseThrow(() -> DomainException.conflict("VILLAGE_NOT_COVERED", village.code()));
        AssignedOfficer officer = responsible.officer();
        String gridCode = responsible.gridCode() != null ? responsible.gridCode()
                : grids.isEmpty() ? null : grids.get(0).code();
        CareVisit visit = new CareVisit(UUID.randomUUID().toString(), requestRef, village.code(), gridCode,
                village.code().substring(0, 6), officer.id(), officer.name(), officer.stationId(),
                strip(command.familyMembers()), strip(command.note()), strip(command.requestedBy()), caller.subject(),
                CareVisitStatus.OPEN, clock.instant(), null, null, null, null, null);
        try {
            return new Requested(mongo.insert(visit), true);
        } catch (DuplicateKeyException raced) {
            return new Requested(byRequestRef(requestRef).orElseThrow(() -> raced), false);
        }
    }

    /** A visit the caller may see: a service, the requester, the assigned officer, or staff of its county. */
    CareVisit get(String id, Caller caller) {
        CareVisit visit = mongo.findById(id, CareVisit.class);
        if (visit == null || !visible(visit, caller)) {
            throw DomainException.notFound("CARE_VISIT_NOT_FOUND", id);
        }
        return visit;
    }

    /** The calling officer's visits still to make, oldest first. */
    List<CareVisit> mine(Caller caller) {
        AssignedOfficer officer = assignments.officerOf(caller)
                .orElseThrow(() -> DomainException.notFound("NOT_AN_OFFICER", caller.subject()));
        return mongo.find(Query.query(Criteria.where("officerId").is(officer.id())
                .and("status").in(CareVisitStatus.OPEN, CareVisitStatus.ACCEPTED))
                .with(Sort.by("createdAt", "id")), CareVisit.class);
    }

    CareVisit accept(String id, Caller caller) {
        CareVisit visit = assignedTo(id, caller);
        return mongo.save(visit.accept(clock.instant()));
    }

    CareVisit visit(String id, String result, Caller caller) {
        CareVisit visit = assignedTo(id, caller);
        return mongo.save(visit.visit(result.strip(), clock.instant()));
    }

    /** The assigned officer, the command room of the county, a service or the requester may cancel. */
    CareVisit cancel(String id, String reason, Caller caller) {
        CareVisit visit = get(id, caller);
        boolean allowed = isAssigned(visit, caller) || caller.hasRole("SERVICE")
                || caller.subject() != null && caller.subject().equals(visit.requesterSubject())
                || caller.hasAnyRole("COMMANDER", "ADMIN");
        if (!allowed) {
            throw DomainException.forbidden("NOT_ASSIGNED_TO_CALLER", id);
        }
        return mongo.save(visit.cancel(strip(reason), clock.instant()));
    }

    private CareVisit assignedTo(String id, Caller caller) {
        CareVisit visit = mongo.findById(id, CareVisit.class);
        if (visit == null) {
            throw DomainException.notFound("CARE_VISIT_NOT_FOUND", id);
        }
        if (!isAssigned(visit, caller)) {
            throw DomainException.forbidden("NOT_ASSIGNED_TO_CALLER", id);
        }
        return visit;
    }

    private boolean isAssigned(CareVisit visit, Caller caller) {
        return caller.hasAnyRole("GRID_OFFICER", "POLICE")
                && assignments.officerOf(caller).map(o -> o.id().equals(visit.officerId())).orElse(false);
    }

    private boolean visible(CareVisit visit, Caller caller) {
        if (caller.hasRole("SERVICE") || caller.subject() != null && caller.subject().equals(visit.requesterSubject())
                || isAssigned(visit, caller)) {
            return true;
        }
        return caller.hasAnyRole("GRID_OFFICER", "POLICE", "COMMANDER", "ADMIN")
                && CallerArea.covers(caller, visit.countyCode());
    }

    private Optional<CareVisit> byRequestRef(String requestRef) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("requestRef").is(requestRef)),
                CareVisit.class));
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
