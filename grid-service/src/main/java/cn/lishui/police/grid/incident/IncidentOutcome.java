package cn.lishui.police.grid.incident;

/** How an incident was closed. */
public enum IncidentOutcome {
    /** 破案 / 查处 */
    SOLVED,
    /** 已处置（无违法犯罪、已劝离等） */
    CLEARED,
    /** 移交调解（110 联调）: a dispute handed to mediation-service */
    TRANSFERRED,
    /** 移送其他部门 */
    REFERRED
}
