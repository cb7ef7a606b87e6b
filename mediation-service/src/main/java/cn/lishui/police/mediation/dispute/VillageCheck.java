package cn.lishui.police.mediation.dispute;

import java.time.Instant;

/**
 * What grid-service said of the dispute's village. UNVERIFIED: grid-service could not be asked (down, breaker
 * open); the dispute is kept and the check is redelivered until it answers. NOT_A_VILLAGE: it answered that the
 * code is no village (only a hand-off keeps such a dispute; a direct intake is refused).
 */
record VillageCheck(Status status, String villageName, Instant checkedAt, String lastError) {

    enum Status { NOT_GIVEN, VERIFIED, UNVERIFIED, NOT_A_VILLAGE }

    static VillageCheck notGiven() {
        return new VillageCheck(Status.NOT_GIVEN, null, null, null);
    }
}
