package cn.lishui.police.grid.resident;

/** 实有人口: a registered resident, or a floating resident (流动人口) whose registration expires. */
enum ResidentKind {
    RESIDENT,
    FLOATING
}
