package cn.lishui.police.publicservice.application;

/** Where an application (办件) stands. */
public enum ApplicationStatus {
    SUBMITTED,
    /** 受理 */
    ACCEPTED,
    /** 不予受理, with a reason */
    NOT_ACCEPTED,
    /** 补正材料: all missing materials told at once (一次性告知) */
    NEEDS_MATERIALS,
    IN_PROGRESS,
    APPROVED,
    DENIED,
    /** 送达: picked up, mailed or issued as an e-certificate */
    DELIVERED;

    boolean finished() {
        return this == NOT_ACCEPTED || this == DENIED || this == DELIVERED;
    }
}
