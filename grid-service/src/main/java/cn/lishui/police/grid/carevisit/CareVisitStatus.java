package cn.lishui.police.grid.carevisit;

/** Where a family-care visit (亲情关爱走访) stands. */
enum CareVisitStatus {
    /** Requested, waiting for the officer. */
    OPEN,
    /** The officer has taken it on. */
    ACCEPTED,
    /** Visited; the result is recorded. */
    VISITED,
    /** Called off (by the officer, the command room or the requester). */
    CANCELLED
}
