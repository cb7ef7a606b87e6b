package cn.lishui.police.grid.incident;

import java.time.Instant;
import java.util.List;

import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.personaldata.ProtectedValue;

/**
 * An incident as the API shows it: the reporter masked, the timeline and its durations, the hand-off
 * to mediation (and the dispute id once delivered), the enforcement guidance of its category and the
 * actions the caller may take now. Citizens see their own report without the internal history.
 */
record IncidentView(String id, String number, IncidentCategory category, boolean criminal, String description,
                    java.util.Map<String, String> attributes, Location location, Reporter reporter, IncidentStatus status, Officer officer, Timeline timeline,
                    Durations durations, IncidentOutcome outcome, SolvingUnit solvedBy, String closingNote,
                    HandOff handoff, EnforcementGuides.Guidance guidance, List<String> allowedActions,
                    List<Incident.Step> history) {

    record Location(Double lat, Double lng, String address, String gridCode, String villageCode, String townCode,
                    String countyCode) {
    }

    record Reporter(ReportChannel channel, ProtectedValue name, ProtectedValue phone) {
    }

    record Officer(String id, String name, String stationId) {
    }

    record Timeline(Instant reportedAt, Instant dispatchedAt, Instant acknowledgedAt, Instant onSceneAt,
                    Instant closedAt) {
    }

    record Durations(Long dispatchSeconds, Long arrivalSeconds, Long closeSeconds) {
    }

    /** PENDING (waiting for mediation), DELIVERED (with the dispute id) or REJECTED (with why). */
    record HandOff(Delivery.Status status, int attempts, Instant nextAttemptAt, String lastError, String disputeId,
                   Instant deliveredAt) {

        static HandOff of(Delivery delivery) {
            return delivery == null ? null : new HandOff(delivery.status(), delivery.attempts(),
                    delivery.pending() ? delivery.nextAttemptAt() : null, delivery.lastError(), delivery.receipt(),
                    delivery.deliveredAt());
        }
    }

    static IncidentView of(Incident incident, EnforcementGuides.Guidance guidance, List<String> allowedActions,
                           boolean staff) {
        Incident.Reporter r = incident.reporter();
        return new IncidentView(incident.id(), incident.number(), incident.category(), incident.criminal(),
                incident.description(), incident.attributes(),
                new Location(incident.lat(), incident.lng(), incident.address(), incident.gridCode(),
                        incident.villageCode(), incident.townCode(), incident.countyCode()),
                r == null ? null : new Reporter(r.channel(), r.name(), r.phone()), incident.status(),
                incident.officerId() == null ? null
                        : new Officer(incident.officerId(), incident.officerName(), incident.stationId()),
                new Timeline(incident.reportedAt(), incident.dispatchedAt(), incident.acknowledgedAt(),
                        incident.onSceneAt(), incident.closedAt()),
                new Durations(incident.dispatchSeconds(), incident.arrivalSeconds(), incident.closeSeconds()),
                incident.outcome(), incident.solvedBy(), incident.closingNote(), HandOff.of(incident.handoff()),
                staff ? guidance : null, allowedActions, staff ? incident.history() : null);
    }
}
