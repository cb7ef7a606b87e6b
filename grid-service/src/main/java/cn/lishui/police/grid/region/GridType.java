package cn.lishui.police.grid.region;

/** What a grid covers (网格类型). */
public enum GridType {
    RURAL,
    URBAN_COMMUNITY,
    ENTERPRISE,
    SCHOOL_AREA,
    MARKET,
    SCENIC_AREA,
    INDUSTRIAL_PARK
}
