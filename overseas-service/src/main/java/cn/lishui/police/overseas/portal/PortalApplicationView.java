package cn.lishui.police.overseas.portal;

import java.time.Instant;

/**
 * A portal application as the compatriot and the station see it: QUEUED while public-service has not taken it
 * (with the attempts so far), SUBMITTED with public-service's id and status, or REJECTED with the reason.
 */
record PortalApplicationView(String id, String compatriotId, String stationId, String itemCode, String itemName,
                             PortalApplication.State state, int attempts, Instant nextAttemptAt, String lastError,
                             String publicApplicationId, String status, Instant statusCheckedAt,
                             boolean statusStale, boolean byStation, ProxyAuthority proxyAuthority,
                             VideoIdentityCheck videoCheck, Instant createdAt) {

    static PortalApplicationView of(PortalApplication a, boolean statusStale) {
        return new PortalApplicationView(a.id(), a.compatriotId(), a.stationId(), a.itemCode(), a.itemName(),
                a.state(), a.delivery().attempts(), a.delivery().nextAttemptAt(), a.delivery().lastError(),
                a.publicApplicationId(), a.remoteStatus(), a.statusCheckedAt(), statusStale, a.byStation(),
                a.proxyAuthority(), a.videoCheck(), a.createdAt());
    }
}
