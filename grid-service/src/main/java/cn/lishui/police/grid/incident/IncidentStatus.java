package cn.lishui.police.grid.incident;

/** REPORTED → DISPATCHED → ACKNOWLEDGED → ON_SCENE → CLOSED; a closed incident may be reopened. */
public enum IncidentStatus {
    REPORTED,
    DISPATCHED,
    ACKNOWLEDGED,
    ON_SCENE,
    CLOSED
}
