package cn.lishui.police.grid.region;

/** A region as the API shows it. */
record RegionView(String code, String name, String nameEn, RegionLevel level, String parentCode) {

    static RegionView of(Region region) {
        return new RegionView(region.code(), region.name(), region.nameEn(), region.level(), region.parentCode());
    }
}
