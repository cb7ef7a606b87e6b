package cn.lishui.police.grid.incident;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import cn.lishui.police.grid.access.CallerArea;
import cn.lishui.police.grid.officer.Assignments;
import cn.lishui.police.grid.officer.Assignments.AssignedOfficer;
import cn.lishui.police.grid.region.GridLocator;
import cn.lishui.police.grid.region.LocationView;
import cn.lishui.police.grid.region.MapDirectory;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.mongo.MongoPages;
import cn.lishui.police.platform.mongo.TimeOrderedIds;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import cn.lishui.police.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Incidents (警情): intake, dispatch, acknowledge, arrive, close (with the hand-off to mediation), reopen. */
@Service
public class Incidents {

    static final String[] STAFF = {"GRID_OFFICER", "POLICE", "COMMANDER", "ADMIN"};
    /** How long the scheduler leaves a new hand-off to the request's own first attempt (Feign: 1 s + 2 s, 3 tries). */
    static final java.time.Duration INLINE_ATTEMPT_LEASE = java.time.Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final GridLocator locator;
    private final MapDirectory map;
    private final Assignments assignments;
    private final PersonalDataProtector protector;
    private final IncidentNumbers numbers;
    private final IncidentMetrics metrics;
    private final MediationHandOffs handOffs;
    private final Clock clock;

    Incidents(MongoTemplate mongo, GridLocator locator, MapDirectory map, Assignments assignments,
              PersonalDataProtector protector, IncidentNumbers numbers, IncidentMetrics metrics,
              MediationHandOffs handOffs, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.locator = locator;
        this.map = map;
        this.assignments = assignments;
        this.protector = protector;
        this.numbers = numbers;
        this.metrics = metrics;
        this.handOffs = handOffs;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Intake by the command room, an officer or a citizen (the channel follows the caller's role). */
    Incident report(IncidentCommands.Report command, Caller caller) {
        ReportChannel channel = caller.hasRole("COMMANDER") ? ReportChannel.COMMAND_ROOM
                : caller.hasAnyRole("GRID_OFFICER", "POLICE") ? ReportChannel.GRID_OFFICER : ReportChannel.CITIZEN;
        return report(command, caller, channel);
    }

    /** Intake through a given channel (Open311 uses {@link ReportChannel#OPEN311}). */
    public Incident report(IncidentCommands.Report command, Caller caller, ReportChannel channel) {
        Incident.Place place = locate(command.lat(), command.lng(), command.villageCode(), command.address());
        boolean staff = channel == ReportChannel.COMMAND_ROOM || channel == ReportChannel.GRID_OFFICER;
        if (staff && !CallerArea.covers(caller, place.countyCode())) {
            throw DomainException.forbidden("OUTSIDE_CALLER_AREA", place.villageCode());
        }
        boolean criminal = staff && command.criminal() != null ? command.criminal()
                : command.category().criminalByDefault();
        IncidentCommands.ReporterInfo info = command.reporter();
        Incident.Reporter reporter = new Incident.Reporter(channel, caller.subject(),
                info == null ? null : protector.protect(PersonalDataKind.NAME, blankToNull(info.name())),
                info == null ? null : protector.protect(PersonalDataKind.PHONE, blankToNull(info.phone())));
        var now = clock.instant();
        Incident incident = Incident.report(TimeOrderedIds.next(), numbers.next(place.countyCode(), now),
                command.category(), criminal, command.description().strip(), place, command.attributes(), reporter,
                caller.subject(), now);
        mongo.insert(incident);
        metrics.opened(incident);
        return incident;
    }

    /** A point is located to its grid; a village code names the village only. Neither, or outside Lishui: a problem. */
    Incident.Place locate(Double lat, Double lng, String villageCode, String address) {
        String text = blankToNull(address);
        if (lat != null || lng != null) {
            if (lat == null || lng == null) {
                throw DomainException.badRequest("INVALID_COORDINATES");
            }
            LocationView location = locator.locate(lat, lng)
                    .orElseThrow(() -> DomainException.unprocessable("OUTSIDE_JURISDICTION", lat, lng));
            return new Incident.Place(lat, lng, text, location.grid().code(),
                    location.village() == null ? null : location.village().code(),
                    location.town() == null ? null : location.town().code(), location.county().code());
        }
        if (villageCode != null) {
            MapDirectory.Place village = map.village(villageCode)
                    .orElseThrow(() -> DomainException.unprocessable("VILLAGE_NOT_FOUND", villageCode));
            return new Incident.Place(null, null, text, null, village.code(), village.parentCode(),
                    village.code().substring(0, 6));
        }
        throw DomainException.badRequest("INCIDENT_LOCATION_REQUIRED");
    }

    /** An incident the caller may see: staff of its county, the officer it is dispatched to, its citizen reporter. */
    Incident get(String id, Caller caller) {
        Incident incident = mongo.findById(id, Incident.class);
        if (incident == null || !visible(incident, caller)) {
            throw DomainException.notFound("INCIDENT_NOT_FOUND", id);
        }
        return incident;
    }

    /** An incident by its number, if the caller may see it (Open311's service_request_id). */
    public Optional<Incident> byNumber(String number, Caller caller) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("number").is(number)), Incident.class))
                .filter(incident -> visible(incident, caller));
    }

    /** An incident by its id, if the caller may see it (Open311's token). */
    public Optional<Incident> byId(String id, Caller caller) {
        return Optional.ofNullable(mongo.findById(id, Incident.class)).filter(incident -> visible(incident, caller));
    }

    /**
     * Incidents for Open311's request list: by numbers, or by categories, period and open/closed; staff see
     * their area, anyone else only what they reported. Newest first, at most {@code limit}.
     */
    public List<Incident> search(List<String> numbers, List<IncidentCategory> categories, java.time.Instant start,
                                 java.time.Instant end, Boolean closed, Caller caller, int limit) {
        Criteria criteria = new Criteria();
        if (numbers != null && !numbers.isEmpty()) {
            criteria.and("number").in(numbers);
        } else {
            criteria.and("reportedAt").gte(start).lt(end);
            if (categories != null && !categories.isEmpty()) {
                criteria.and("category").in(categories);
            }
            if (Boolean.TRUE.equals(closed)) {
                criteria.and("status").is(IncidentStatus.CLOSED);
            } else if (Boolean.FALSE.equals(closed)) {
                criteria.and("status").ne(IncidentStatus.CLOSED);
            }
        }
        if (caller.hasAnyRole(STAFF)) {
            Optional<String> county = CallerArea.countyOf(caller);
            if (county.isPresent()) {
                criteria.and("countyCode").is(county.get());
            }
        } else {
            criteria.and("reporter.subject").is(caller.subject() == null ? "" : caller.subject());
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "reportedAt")).limit(limit),
                Incident.class);
    }

    /** Staff see the internal history and the guidance; a citizen sees their report and where it stands. */
    boolean isStaffView(Incident incident, Caller caller) {
        return caller.hasAnyRole(STAFF);
    }

    private boolean visible(Incident incident, Caller caller) {
        if (caller.hasAnyRole(STAFF)) {
            return actor(incident, caller).assigned() || CallerArea.covers(caller, incident.countyCode());
        }
        return incident.reporter() != null && caller.subject() != null
                && caller.subject().equals(incident.reporter().subject());
    }

    Incident.Actor actor(Incident incident, Caller caller) {
        boolean assigned = incident.officerId() != null && caller.hasAnyRole("GRID_OFFICER", "POLICE")
                && assignments.officerOf(caller).map(o -> o.id().equals(incident.officerId())).orElse(false);
        return new Incident.Actor(caller.subject(), caller.hasRole("COMMANDER")
                && CallerArea.covers(caller, incident.countyCode()), assigned);
    }

    /** Staff's list, newest first, limited to the caller's county unless COMMANDER/ADMIN. */
    Page<Incident> list(IncidentStatus status, IncidentCategory category, String county, Caller caller,
                        Pageable pageable) {
        Optional<String> own = CallerArea.countyOf(caller);
        if (own.isPresent() && county != null && !own.get().equals(county)) {
            throw DomainException.forbidden("OUTSIDE_CALLER_AREA", county);
        }
        Criteria criteria = new Criteria();
        String scope = county != null ? county : own.orElse(null);
        if (scope != null) {
            criteria.and("countyCode").is(scope);
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        if (category != null) {
            criteria.and("category").is(category);
        }
        Query query = Query.query(criteria);
        return MongoPages.find(mongo, query, pageable, Sort.by(Sort.Direction.DESC, "reportedAt"), Incident.class);
    }

    /** The calling officer's incidents not yet closed. */
    List<Incident> mine(Caller caller) {
        AssignedOfficer officer = assignments.officerOf(caller)
                .orElseThrow(() -> DomainException.notFound("NOT_AN_OFFICER", caller.subject()));
        return mongo.find(Query.query(Criteria.where("officerId").is(officer.id())
                .and("status").ne(IncidentStatus.CLOSED)).with(Sort.by("reportedAt")), Incident.class);
    }

    Incident dispatch(String id, IncidentCommands.Dispatch command, Caller caller) {
        Incident incident = get(id, caller);
        Incident.Actor actor = actor(incident, caller);
        AssignedOfficer officer;
        if (command != null && command.officerId() != null && !command.officerId().isBlank()) {
            officer = assignments.officer(command.officerId().strip())
                    .orElseThrow(() -> DomainException.unprocessable("OFFICER_NOT_FOUND", command.officerId()));
        } else {
            officer = assignments.responsibleFor(incident.villageCode(), incident.gridCode())
                    .map(Assignments.Responsible::officer)
                    .orElseThrow(() -> DomainException.conflict("NO_OFFICER_FOR_LOCATION", incident.number()));
        }
        incident.dispatch(new Incident.Officer(officer.id(), officer.name(), officer.stationId()), actor,
                clock.instant());
        Incident saved = mongo.save(incident);
        metrics.dispatched(saved, saved.dispatchSeconds());
        return saved;
    }

    Incident acknowledge(String id, Caller caller) {
        Incident incident = get(id, caller);
        incident.acknowledge(actor(incident, caller), clock.instant());
        return mongo.save(incident);
    }

    Incident arrive(String id, Caller caller) {
        Incident incident = get(id, caller);
        incident.arrive(actor(incident, caller), clock.instant());
        Incident saved = mongo.save(incident);
        if (saved.arrivalSeconds() != null) {
            metrics.arrived(saved, saved.arrivalSeconds());
        }
        return saved;
    }

    /**
     * Closes the incident. Transferred to mediation, the hand-off is saved with the close in the same write
     * and tried once at once; if mediation is down the incident is closed all the same and the hand-off waits.
     */
    Incident close(String id, IncidentCommands.Close command, Caller caller) {
        Incident incident = get(id, caller);
        List<Incident.Party> parties = command.parties() == null ? List.of() : command.parties().stream()
                .map(p -> new Incident.Party(protector.protect(PersonalDataKind.NAME, p.name()),
                        protector.protect(PersonalDataKind.PHONE, blankToNull(p.phone())), p.role().name()))
                .toList();
        var now = clock.instant();
        incident.close(command.outcome(), command.solvedBy(), blankToNull(command.note()),
                command.disputeCategory() == null ? null : command.disputeCategory().name(), parties,
                actor(incident, caller), now);
        boolean handOff = command.outcome() == IncidentOutcome.TRANSFERRED && incident.startHandOff(now, INLINE_ATTEMPT_LEASE);
        Incident saved = mongo.save(incident);
        metrics.closed(saved);
        if (handOff) {
            handOffs.startedPending();
            handOffs.attempt(saved, caller.subject());
        }
        return saved;
    }

    Incident reopen(String id, IncidentCommands.Reopen command, Caller caller) {
        Incident incident = get(id, caller);
        incident.reopen(command.reason().strip(), actor(incident, caller), clock.instant());
        return mongo.save(incident);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
