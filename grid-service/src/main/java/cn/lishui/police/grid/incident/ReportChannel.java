package cn.lishui.police.grid.incident;

/** How the incident came in. */
public enum ReportChannel {
    /** 综合勤务指挥室 */
    COMMAND_ROOM,
    /** A grid officer on patrol */
    GRID_OFFICER,
    /** A citizen through the app */
    CITIZEN,
    /** A citizen through Open311 GeoReport v2 */
    OPEN311
}
