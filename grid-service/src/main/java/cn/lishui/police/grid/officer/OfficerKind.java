package cn.lishui.police.grid.officer;

/** 民警 (police) or 辅警 (auxiliary police). */
public enum OfficerKind {
    POLICE,
    AUXILIARY
}
