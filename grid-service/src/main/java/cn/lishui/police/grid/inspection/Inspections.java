package cn.lishui.police.grid.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import cn.lishui.police.grid.access.CallerArea;
import cn.lishui.police.grid.officer.Assignments;
import cn.lishui.police.grid.officer.Assignments.AssignedOfficer;
import cn.lishui.police.grid.region.MapDirectory;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Routine inspection tasks (基础排查): created per grid, assigned to its grid officer, checked in by them. */
@Service
class Inspections {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    /** Overdue tasks of one station. */
    record StationOverdue(String stationId, int overdue, List<OverdueTask> tasks) {
    }

    record OverdueTask(String id, InspectionType type, String gridCode, String officerId, String officerName,
                       LocalDate dueDate, long daysOverdue) {
    }

    record Overdue(String countyCode, LocalDate asOf, int total, List<StationOverdue> stations) {
    }

    private final MongoTemplate mongo;
    private final MapDirectory map;
    private final Assignments assignments;
    private final Clock clock;

    Inspections(MongoTemplate mongo, MapDirectory map, Assignments assignments, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.map = map;
        this.assignments = assignments;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(LOCAL));
    }

    Inspection create(NewInspection command, Caller caller) {
        MapDirectory.GridPlace grid = map.grid(command.gridCode())
                .orElseThrow(() -> DomainException.unprocessable("GRID_NOT_FOUND", command.gridCode()));
        if (!caller.hasRole("SERVICE") && !CallerArea.covers(caller, grid.countyCode())) {
            throw DomainException.forbidden("OUTSIDE_CALLER_AREA", grid.code());
        }
        if (command.dueDate().isBefore(today())) {
            throw DomainException.unprocessable("DUE_DATE_IN_PAST", command.dueDate());
        }
        AssignedOfficer officer = assignments.gridOfficer(grid.code())
                .orElseThrow(() -> DomainException.conflict("GRID_NOT_COVERED", grid.code()));
        List<String> checklist = command.checklist() == null || command.checklist().isEmpty()
                ? command.type().defaultChecklist()
                : command.checklist().stream().map(String::strip).toList();
        return mongo.insert(new Inspection(UUID.randomUUID().toString(), command.type(), grid.code(),
                grid.villageCode(), grid.countyCode(), officer.id(), officer.name(), officer.stationId(),
                command.dueDate(), checklist, command.reference(), InspectionStatus.OPEN, caller.subject(),
                clock.instant(), null, null));
    }

    /** A task the caller may see: the assigned officer, a service, or someone whose area covers it. */
    Inspection get(String id, Caller caller) {
        Inspection inspection = mongo.findById(id, Inspection.class);
        if (inspection == null || !visible(inspection, caller)) {
            throw DomainException.notFound("INSPECTION_NOT_FOUND", id);
        }
        return inspection;
    }

    private boolean visible(Inspection inspection, Caller caller) {
        if (caller.hasRole("SERVICE")) {
            return true;
        }
        if (assignments.officerOf(caller).map(o -> o.id().equals(inspection.officerId())).orElse(false)) {
            return true;
        }
        return caller.hasAnyRole("POLICE", "COMMANDER", "ADMIN") && CallerArea.covers(caller, inspection.countyCode());
    }

    /** The assigned officer checks in, once. */
    Inspection checkIn(String id, CheckInCommand command, Caller caller) {
        if ((command.lat() == null) != (command.lng() == null)
                || (command.lat() != null && (!Double.isFinite(command.lat()) || Math.abs(command.lat()) > 90
                || !Double.isFinite(command.lng()) || Math.abs(command.lng()) > 180))) {
            throw DomainException.badRequest("INVALID_COORDINATES");
        }
        Inspection inspection = mongo.findById(id, Inspection.class);
        if (inspection == null) {
            throw DomainException.notFound("INSPECTION_NOT_FOUND", id);
        }
        Optional<AssignedOfficer> officer = assignments.officerOf(caller);
        if (officer.isEmpty() || !officer.get().id().equals(inspection.officerId())) {
            throw DomainException.forbidden("NOT_THE_ASSIGNED_OFFICER", id);
        }
        if (inspection.status() != InspectionStatus.OPEN) {
            throw DomainException.conflict("INSPECTION_ALREADY_CHECKED_IN", id);
        }
        String notes = command.notes() == null ? null : command.notes().strip();
        return mongo.save(inspection.checkedIn(new Inspection.CheckIn(command.result(), notes, command.lat(),
                command.lng(), officer.get().id(), clock.instant())));
    }

    /** The open tasks of the calling officer, soonest due first. */
    List<Inspection> mine(Caller caller) {
        AssignedOfficer officer = assignments.officerOf(caller)
                .orElseThrow(() -> DomainException.notFound("NOT_AN_OFFICER", caller.subject()));
        return mongo.find(Query.query(Criteria.where("officerId").is(officer.id())
                .and("status").is(InspectionStatus.OPEN)).with(Sort.by("dueDate", "id")), Inspection.class);
    }

    /** Open tasks past their due date, per station, in a county (the caller's own unless COMMANDER/ADMIN). */
    Overdue overdue(String county, Caller caller) {
        Optional<String> own = CallerArea.countyOf(caller);
        if (own.isPresent() && county != null && !own.get().equals(county)) {
            throw DomainException.forbidden("OUTSIDE_CALLER_AREA", county);
        }
        String scope = county != null ? county : own.orElse(null);
        if (scope != null && map.county(scope).isEmpty()) {
            throw DomainException.notFound("REGION_NOT_FOUND", scope);
        }
        LocalDate today = today();
        Criteria criteria = Criteria.where("status").is(InspectionStatus.OPEN).and("dueDate").lt(today);
        if (scope != null) {
            criteria.and("countyCode").is(scope);
        }
        Map<String, List<OverdueTask>> byStation = new TreeMap<>();
        for (Inspection task : mongo.find(Query.query(criteria).with(Sort.by("dueDate", "id")), Inspection.class)) {
            byStation.computeIfAbsent(task.stationId(), s -> new ArrayList<>()).add(new OverdueTask(task.id(),
                    task.type(), task.gridCode(), task.officerId(), task.officerName(), task.dueDate(),
                    ChronoUnit.DAYS.between(task.dueDate(), today)));
        }
        List<StationOverdue> stations = byStation.entrySet().stream()
                .map(e -> new StationOverdue(e.getKey(), e.getValue().size(), List.copyOf(e.getValue()))).toList();
        return new Overdue(scope, today, stations.stream().mapToInt(StationOverdue::overdue).sum(), stations);
    }

    /** Open tasks past due, per county: for metrics. */
    long overdueIn(String county) {
        return mongo.count(Query.query(Criteria.where("status").is(InspectionStatus.OPEN).and("dueDate").lt(today())
                .and("countyCode").is(county)), Inspection.class);
    }
}
