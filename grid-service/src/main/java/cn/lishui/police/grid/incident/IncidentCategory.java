package cn.lishui.police.grid.incident;

/**
 * Kinds of incident (警情). Theft, robbery/snatching (两抢) and fraud are criminal unless the intake says
 * otherwise; the citizen-reportable ones are offered through Open311 (the others are emergencies: call 110/119).
 */
public enum IncidentCategory {
    /** 盗窃 */
    THEFT(true, true),
    /** 抢劫抢夺（两抢） */
    ROBBERY_SNATCHING(true, false),
    /** 诈骗 */
    FRAUD(true, true),
    /** 治安 */
    PUBLIC_ORDER(false, true),
    /** 纠纷 */
    DISPUTE(false, true),
    /** 交通 */
    TRAFFIC(false, true),
    /** 火情 */
    FIRE(false, false),
    /** 救助 */
    RESCUE(false, false),
    /** 其他 */
    OTHER(false, true);

    private final boolean criminalByDefault;
    private final boolean citizenReportable;

    IncidentCategory(boolean criminalByDefault, boolean citizenReportable) {
        this.criminalByDefault = criminalByDefault;
        this.citizenReportable = citizenReportable;
    }

    public boolean criminalByDefault() {
        return criminalByDefault;
    }

    public boolean citizenReportable() {
        return citizenReportable;
    }
}
