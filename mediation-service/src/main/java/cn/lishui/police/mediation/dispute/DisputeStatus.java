package cn.lishui.police.mediation.dispute;

import java.util.EnumSet;
import java.util.Set;

/** Where a dispute stands in its mediation. */
public enum DisputeStatus {
    REGISTERED, ACCEPTED, DECLINED, ASSIGNED, IN_MEDIATION, AGREED, FAILED, FOLLOWED_UP, CLOSED, WITHDRAWN;

    /** Still to be mediated: these run against the one-month limit and can become overdue. */
    static final Set<DisputeStatus> OPEN = EnumSet.of(REGISTERED, ACCEPTED, ASSIGNED, IN_MEDIATION);

    /** Counted in a mediator's caseload. */
    static final Set<DisputeStatus> ON_A_MEDIATORS_DESK = EnumSet.of(ASSIGNED, IN_MEDIATION, AGREED);

    boolean open() {
        return OPEN.contains(this);
    }
}
