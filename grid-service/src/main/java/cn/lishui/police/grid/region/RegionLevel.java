package cn.lishui.police.grid.region;

/** The levels of the map, top down: 县(市、区) → 乡镇/街道 → 行政村/社区. Grids hang below villages. */
public enum RegionLevel {
    COUNTY,
    TOWN,
    VILLAGE
}
