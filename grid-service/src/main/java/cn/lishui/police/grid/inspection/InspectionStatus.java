package cn.lishui.police.grid.inspection;

enum InspectionStatus {
    OPEN,
    CHECKED_IN
}
