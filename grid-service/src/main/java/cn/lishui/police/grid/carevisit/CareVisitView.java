package cn.lishui.police.grid.carevisit;

import java.time.Instant;
import java.util.List;

/** A care visit as contract 3 shows it, plus the actions allowed now. */
record CareVisitView(String id, String villageCode, String gridCode, String officerId, String officerName,
                     String stationId, CareVisitStatus status, String requestRef, String familyMembers, String note,
                     String requestedBy, Instant createdAt, Instant acceptedAt, Instant visitedAt,
                     Instant cancelledAt, String result, List<String> allowedActions) {

    static CareVisitView of(CareVisit visit) {
        return new CareVisitView(visit.id(), visit.villageCode(), visit.gridCode(), visit.officerId(),
                visit.officerName(), visit.stationId(), visit.status(), visit.requestRef(), visit.familyMembers(),
                visit.note(), visit.requestedBy(), visit.createdAt(), visit.acceptedAt(), visit.visitedAt(),
                visit.cancelledAt(), visit.result(), visit.allowedActions());
    }
}
