package cn.lishui.police.overseas.portal;

import java.time.Instant;

/** A family-care visit as the compatriot sees it: QUEUED until grid-service has it, then grid's status. */
record CareVisitView(String id, String compatriotId, String villageCode, String familyMembers, String note,
                     PortalApplication.State handOff, int attempts, String lastError, String gridVisitId,
                     String status, String officerName, Instant visitedAt, String result, Instant checkedAt,
                     boolean statusStale, Instant createdAt) {

    static CareVisitView of(CareVisit v, boolean stale) {
        PortalApplication.State handOff = switch (v.delivery().status()) {
            case PENDING -> PortalApplication.State.QUEUED;
            case DELIVERED -> PortalApplication.State.SUBMITTED;
            case REJECTED -> PortalApplication.State.REJECTED;
        };
        return new CareVisitView(v.id(), v.compatriotId(), v.villageCode(), v.familyMembers(), v.note(), handOff,
                v.delivery().attempts(), v.delivery().lastError(), v.gridVisitId(), v.visitStatus(), v.officerName(),
                v.visitedAt(), v.result(), v.checkedAt(), stale, v.createdAt());
    }
}
