package cn.lishui.police.publicservice.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Enterprises in stations' areas and their security liaisons (安防CEO). Police and grid officers work with the
 * enterprises of their own station; COMMANDER and ADMIN with all.
 */
@Service
class Enterprises {

    private final EnterpriseRepository enterprises;
    private final LiaisonVisitRepository visits;
    private final Clock clock;

    Enterprises(EnterpriseRepository enterprises, LiaisonVisitRepository visits, ObjectProvider<Clock> clock) {
        this.enterprises = enterprises;
        this.visits = visits;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Enterprise register(Caller caller, EnterpriseCommands.Register command) {
        String station = allAreas(caller) ? command.stationId() : caller.stationId();
        if (station == null || station.isBlank()) {
            throw DomainException.unprocessable("STATION_REQUIRED");
        }
        if (!allAreas(caller) && command.stationId() != null && !command.stationId().equals(caller.stationId())) {
            throw DomainException.forbidden("ENTERPRISE_OTHER_STATION", command.stationId());
        }
        if (enterprises.existsByCreditCode(command.creditCode())) {
            throw DomainException.conflict("ENTERPRISE_EXISTS", command.creditCode());
        }
        return enterprises.save(new Enterprise(command.creditCode(), command.name(), station, command.address()));
    }

    Page<Enterprise> list(Caller caller, String stationId, Pageable pageable) {
        String station = allAreas(caller) ? stationId : caller.stationId();
        return station == null ? enterprises.findAll(pageable) : enterprises.findByStationId(station, pageable);
    }

    Enterprise get(Caller caller, String id) {
        Enterprise enterprise = enterprises.findById(id)
                .orElseThrow(() -> DomainException.notFound("ENTERPRISE_NOT_FOUND", id));
        if (!allAreas(caller) && !enterprise.stationId().equals(caller.stationId())) {
            throw DomainException.notFound("ENTERPRISE_NOT_FOUND", id);
        }
        return enterprise;
    }

    Enterprise assignLiaison(Caller caller, String id, EnterpriseCommands.AssignLiaison command) {
        Enterprise enterprise = get(caller, id);
        enterprise.assignLiaison(command.officerId(), command.officerName(), clock.instant());
        return enterprises.save(enterprise);
    }

    /** Only the enterprise's liaison records visits to it. */
    LiaisonVisit recordVisit(Caller caller, String id, EnterpriseCommands.RecordVisit command) {
        Enterprise enterprise = get(caller, id);
        if (enterprise.liaisonOfficerId() == null) {
            throw DomainException.conflict("NO_LIAISON", id);
        }
        if (!enterprise.liaisonOfficerId().equals(caller.subject())) {
            throw DomainException.forbidden("NOT_THE_LIAISON", id);
        }
        Instant at = command.visitedAt() == null ? clock.instant() : command.visitedAt();
        List<String> issues = command.issues() == null ? List.of() : command.issues();
        return visits.save(new LiaisonVisit(id, enterprise.stationId(), caller.subject(), at, command.summary(),
                issues));
    }

    Page<LiaisonVisit> visits(Caller caller, String id, Pageable pageable) {
        get(caller, id);
        return visits.findByEnterpriseId(id, pageable);
    }

    LiaisonVisit resolve(Caller caller, String id, String visitId, int issue, EnterpriseCommands.Resolve command) {
        get(caller, id);
        LiaisonVisit visit = visits.findById(visitId).filter(v -> v.enterpriseId().equals(id))
                .orElseThrow(() -> DomainException.notFound("VISIT_NOT_FOUND", visitId));
        visit.resolve(issue, command.resolution(), caller.subject(), clock.instant());
        return visits.save(visit);
    }

    private static boolean allAreas(Caller caller) {
        return caller.hasAnyRole("COMMANDER", "ADMIN");
    }
}
