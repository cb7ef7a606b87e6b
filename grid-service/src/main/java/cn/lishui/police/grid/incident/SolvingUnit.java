package cn.lishui.police.grid.incident;

/** Who solved a criminal case: the police station (派出所) or another unit (e.g. 刑侦大队). */
public enum SolvingUnit {
    STATION,
    OTHER_UNIT
}
