package cn.lishui.police.grid.inspection;

/** What the officer found. */
enum CheckInResult {
    /** 正常 */
    NORMAL,
    /** 发现隐患 */
    HAZARD_FOUND,
    /** 已整改 */
    RECTIFIED_ON_SITE,
    /** 未遇见人员 */
    NOBODY_PRESENT
}
