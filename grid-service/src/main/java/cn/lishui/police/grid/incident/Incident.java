package cn.lishui.police.grid.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.lishui.police.grid.workflow.ActionNotAllowed;
import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An incident (警情) from intake to close, in one document so that every transition (and the hand-off to
 * mediation it may start) is one atomic write. The state machine is here, in plain Java: each action
 * checks the state and the caller's part (the command room, or the officer it is dispatched to) and
 * time-stamps the transition; the dispatch, arrival and close durations are kept as fields so the KPIs
 * can aggregate them.
 */
@Document("incidents")
@CompoundIndex(name = "county_reported", def = "{'countyCode': 1, 'reportedAt': 1}")
@CompoundIndex(name = "criminal_reported_village", def = "{'criminal': 1, 'reportedAt': 1, 'villageCode': 1}")
@CompoundIndex(name = "officer_status", def = "{'officerId': 1, 'status': 1}")
@CompoundIndex(name = "handoff_due", def = "{'handoff.status': 1, 'handoff.nextAttemptAt': 1}")
public final class Incident {

    static final String NOT_ALLOWED = "INCIDENT_ACTION_NOT_ALLOWED";
    static final String HANDOFF_KEY_PREFIX = "incident-handoff-";

    /** The reporter, masked in every response (name and phone are personal data). */
    public record Reporter(ReportChannel channel, String subject, ProtectedValue name, ProtectedValue phone) {
    }

    /** A party of a dispute, for the hand-off to mediation. */
    public record Party(ProtectedValue name, ProtectedValue phone, String role) {
    }

    /** One transition, for the record. */
    public record Step(String action, IncidentStatus from, IncidentStatus to, String by, Instant at, String note) {
    }

    @Id
    private String id;
    @Indexed(unique = true)
    private String number;
    private IncidentCategory category;
    private boolean criminal;
    private String description;
    private Double lat;
    private Double lng;
    private String address;
    private java.util.Map<String, String> attributes;
    private String gridCode;
    private String villageCode;
    private String townCode;
    private String countyCode;
    private Reporter reporter;
    @Indexed
    private IncidentStatus status;
    private String officerId;
    private String officerName;
    private String stationId;
    @Indexed
    private Instant reportedAt;
    private Instant dispatchedAt;
    private Instant acknowledgedAt;
    private Instant onSceneAt;
    private Instant closedAt;
    private Long dispatchSeconds;
    private Long arrivalSeconds;
    private Long closeSeconds;
    private IncidentOutcome outcome;
    private SolvingUnit solvedBy;
    private String closingNote;
    private String disputeCategory;
    private List<Party> parties = new ArrayList<>();
    private List<Step> history = new ArrayList<>();
    private Delivery handoff;
    @Version
    private Long version;

    @PersistenceCreator
    Incident() {
    }

    /** A new incident, REPORTED at {@code now}. */
    static Incident report(String id, String number, IncidentCategory category, boolean criminal, String description,
                           Place place, java.util.Map<String, String> attributes, Reporter reporter, String by,
                           Instant now) {
        Incident incident = new Incident();
        incident.id = id;
        incident.number = number;
        incident.category = category;
        incident.criminal = criminal;
        incident.description = description;
        incident.lat = place.lat();
        incident.lng = place.lng();
        incident.address = place.address();
        incident.attributes = attributes == null || attributes.isEmpty() ? null : new java.util.TreeMap<>(attributes);
        incident.gridCode = place.gridCode();
        incident.villageCode = place.villageCode();
        incident.townCode = place.townCode();
        incident.countyCode = place.countyCode();
        incident.reporter = reporter;
        incident.status = IncidentStatus.REPORTED;
        incident.reportedAt = now;
        incident.history.add(new Step("report", null, IncidentStatus.REPORTED, by, now, null));
        return incident;
    }

    /** Where an incident happened, as located at intake. */
    record Place(Double lat, Double lng, String address, String gridCode, String villageCode, String townCode,
                 String countyCode) {
    }

    /** The officer an incident is dispatched to. */
    record Officer(String id, String name, String stationId) {
    }

    /** Who is acting: the command room, and/or the officer the incident is dispatched to. */
    record Actor(String subject, boolean commander, boolean assigned) {
    }

    /** The actions the actor may take now. */
    List<String> allowedActions(Actor actor) {
        List<String> actions = new ArrayList<>();
        switch (status) {
            case REPORTED -> {
                if (actor.commander()) {
                    actions.add("dispatch");
                    actions.add("close");
                }
            }
            case DISPATCHED -> {
                if (actor.assigned()) {
                    actions.add("acknowledge");
                }
                if (actor.commander()) {
                    actions.add("dispatch");
                    actions.add("close");
                }
            }
            case ACKNOWLEDGED -> {
                if (actor.assigned()) {
                    actions.add("arrive");
                }
                if (actor.commander()) {
                    actions.add("close");
                }
            }
            case ON_SCENE -> {
                if (actor.assigned() || actor.commander()) {
                    actions.add("close");
                }
            }
            case CLOSED -> {
                if (actor.commander()) {
                    actions.add("reopen");
                }
            }
        }
        return actions;
    }

    /**
     * Not allowed in this state for anyone: 409 with what the actor may do; allowed in this state but not
     * for this actor: 403.
     */
    private void require(String action, Actor actor) {
        if (allowedActions(actor).contains(action)) {
            return;
        }
        if (allowedActions(new Actor(actor.subject(), true, true)).contains(action)) {
            throw DomainException.forbidden("NOT_ASSIGNED_TO_CALLER", number);
        }
        throw new ActionNotAllowed(NOT_ALLOWED, number, action, status.name(), allowedActions(actor));
    }

    void dispatch(Officer officer, Actor actor, Instant now) {
        require("dispatch", actor);
        IncidentStatus from = status;
        officerId = officer.id();
        officerName = officer.name();
        stationId = officer.stationId();
        if (dispatchedAt == null) {
            dispatchedAt = now;
            dispatchSeconds = seconds(reportedAt, now);
        }
        status = IncidentStatus.DISPATCHED;
        history.add(new Step("dispatch", from, status, actor.subject(), now, officer.id()));
    }

    void acknowledge(Actor actor, Instant now) {
        require("acknowledge", actor);
        acknowledgedAt = now;
        move("acknowledge", IncidentStatus.ACKNOWLEDGED, actor, now, null);
    }

    void arrive(Actor actor, Instant now) {
        require("arrive", actor);
        onSceneAt = now;
        arrivalSeconds = seconds(dispatchedAt, now);
        move("arrive", IncidentStatus.ON_SCENE, actor, now, null);
    }

    /**
     * Closes with an outcome. Only a dispute can be transferred to mediation; a solved criminal case
     * names the unit that solved it (the station unless said otherwise).
     */
    void close(IncidentOutcome closedWith, SolvingUnit unit, String note, String mediationCategory,
               List<Party> disputeParties, Actor actor, Instant now) {
        require("close", actor);
        if (closedWith == IncidentOutcome.TRANSFERRED && category != IncidentCategory.DISPUTE) {
            throw DomainException.unprocessable("TRANSFER_NEEDS_DISPUTE", number, category.name());
        }
        outcome = closedWith;
        solvedBy = closedWith == IncidentOutcome.SOLVED && criminal ? (unit == null ? SolvingUnit.STATION : unit) : null;
        closingNote = note;
        if (closedWith == IncidentOutcome.TRANSFERRED) {
            disputeCategory = mediationCategory == null ? "OTHER" : mediationCategory;
        }
        if (disputeParties != null && !disputeParties.isEmpty()) {
            parties = new ArrayList<>(disputeParties);
        }
        closedAt = now;
        closeSeconds = seconds(reportedAt, now);
        move("close", IncidentStatus.CLOSED, actor, now, closedWith.name());
    }

    /** Back to REPORTED for a new dispatch; the earlier cycle stays in the history. */
    void reopen(String reason, Actor actor, Instant now) {
        require("reopen", actor);
        dispatchedAt = null;
        acknowledgedAt = null;
        onSceneAt = null;
        closedAt = null;
        dispatchSeconds = null;
        arrivalSeconds = null;
        closeSeconds = null;
        outcome = null;
        solvedBy = null;
        closingNote = null;
        move("reopen", IncidentStatus.REPORTED, actor, now, reason);
    }

    /**
     * Starts the hand-off to mediation (once: a reopened and again transferred incident keeps its first
     * hand-off, whose key makes mediation answer with the same dispute). The request that starts it makes
     * the first attempt itself, so the scheduler is held off until {@code inlineAttemptLease} has passed:
     * long enough for that attempt to record its outcome, short enough to retry if the service dies meanwhile.
     */
    boolean startHandOff(Instant now, Duration inlineAttemptLease) {
        if (handoff != null) {
            return false;
        }
        handoff = new Delivery(Delivery.Status.PENDING, HANDOFF_KEY_PREFIX + id, 0, now.plus(inlineAttemptLease),
                null, null, null);
        return true;
    }

    void handOff(Delivery delivery) {
        handoff = delivery;
    }

    private void move(String action, IncidentStatus to, Actor actor, Instant now, String note) {
        history.add(new Step(action, status, to, actor.subject(), now, note));
        status = to;
    }

    private static Long seconds(Instant from, Instant to) {
        return from == null ? null : Math.max(0, Duration.between(from, to).toSeconds());
    }

    public String id() { return id; }
    public String number() { return number; }
    public IncidentCategory category() { return category; }
    public boolean criminal() { return criminal; }
    public String description() { return description; }
    public Double lat() { return lat; }
    public Double lng() { return lng; }
    public String address() { return address; }
    public java.util.Map<String, String> attributes() { return attributes == null ? java.util.Map.of() : java.util.Map.copyOf(attributes); }
    public Instant updatedAt() { return history.isEmpty() ? reportedAt : history.get(history.size() - 1).at(); }
    public String gridCode() { return gridCode; }
    public String villageCode() { return villageCode; }
    public String townCode() { return townCode; }
    public String countyCode() { return countyCode; }
    public Reporter reporter() { return reporter; }
    public IncidentStatus status() { return status; }
    public String officerId() { return officerId; }
    public String officerName() { return officerName; }
    public String stationId() { return stationId; }
    public Instant reportedAt() { return reportedAt; }
    public Instant dispatchedAt() { return dispatchedAt; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public Instant onSceneAt() { return onSceneAt; }
    public Instant closedAt() { return closedAt; }
    public Long dispatchSeconds() { return dispatchSeconds; }
    public Long arrivalSeconds() { return arrivalSeconds; }
    public Long closeSeconds() { return closeSeconds; }
    public IncidentOutcome outcome() { return outcome; }
    public SolvingUnit solvedBy() { return solvedBy; }
    public String closingNote() { return closingNote; }
    public String disputeCategory() { return disputeCategory; }
    public List<Party> parties() { return List.copyOf(parties); }
    public List<Step> history() { return List.copyOf(history); }
    public Delivery handoff() { return handoff; }
}
