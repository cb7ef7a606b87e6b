package cn.lishui.police.mediation.dispute;

/** How a dispute came in. */
enum DisputeSource {
    /** A citizen, for themselves (one of the parties). */
    CITIZEN,
    /** A grid officer who met it in their grid. */
    GRID_OFFICER,
    /** A 110 incident handed off by grid-service (110 联调). */
    INCIDENT_HANDOFF
}
