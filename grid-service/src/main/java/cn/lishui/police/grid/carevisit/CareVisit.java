package cn.lishui.police.grid.carevisit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.lishui.police.grid.workflow.ActionNotAllowed;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A family-care visit (亲情关爱走访) to the family of an overseas compatriot, requested by overseas-service
 * and carried out by the officer of the family's village. {@code requestRef} is the requester's id for
 * the request: unique, so a repeated request finds the same visit.
 *
 * @param requesterSubject the token subject that asked (a compatriot, a service client, an officer)
 */
@Document("care_visits")
record CareVisit(@Id String id, @Indexed(unique = true) String requestRef, String villageCode, String gridCode,
                 @Indexed String countyCode, @Indexed String officerId, String officerName, String stationId,
                 String familyMembers, String note, String requestedBy, String requesterSubject,
                 CareVisitStatus status, Instant createdAt, Instant acceptedAt, Instant visitedAt,
                 Instant cancelledAt, String result, @Version Long version) {

    static final String NOT_ALLOWED = "CARE_VISIT_ACTION_NOT_ALLOWED";

    /** The actions the visit allows in its state. */
    List<String> allowedActions() {
        List<String> actions = new ArrayList<>();
        if (status == CareVisitStatus.OPEN) {
            actions.add("accept");
        }
        if (status == CareVisitStatus.OPEN || status == CareVisitStatus.ACCEPTED) {
            actions.add("visit");
            actions.add("cancel");
        }
        return actions;
    }

    CareVisit accept(Instant now) {
        require("accept");
        return new CareVisit(id, requestRef, villageCode, gridCode, countyCode, officerId, officerName, stationId,
                familyMembers, note, requestedBy, requesterSubject, CareVisitStatus.ACCEPTED, createdAt, now, visitedAt,
                cancelledAt, result, version);
    }

    /** Visited with a result; a visit the officer made without accepting first counts as accepted then. */
    CareVisit visit(String visitResult, Instant now) {
        require("visit");
        return new CareVisit(id, requestRef, villageCode, gridCode, countyCode, officerId, officerName, stationId,
                familyMembers, note, requestedBy, requesterSubject, CareVisitStatus.VISITED, createdAt,
                acceptedAt == null ? now : acceptedAt, now, cancelledAt, visitResult, version);
    }

    CareVisit cancel(String reason, Instant now) {
        require("cancel");
        return new CareVisit(id, requestRef, villageCode, gridCode, countyCode, officerId, officerName, stationId,
                familyMembers, note, requestedBy, requesterSubject, CareVisitStatus.CANCELLED, createdAt, acceptedAt,
                visitedAt, now, reason, version);
    }

    private void require(String action) {
        if (!allowedActions().contains(action)) {
            throw new ActionNotAllowed(NOT_ALLOWED, id, action, status.name(), allowedActions());
        }
    }
}
