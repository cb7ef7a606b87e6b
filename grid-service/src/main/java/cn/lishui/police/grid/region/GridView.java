package cn.lishui.police.grid.region;

/** A grid as the API shows it, with its GeoJSON boundary. */
record GridView(String code, String name, GridType type, String villageCode, String townCode, String countyCode,
                GeoPolygon boundary) {

    static GridView of(Grid grid) {
        return new GridView(grid.code(), grid.name(), grid.type(), grid.villageCode(), grid.townCode(),
                grid.countyCode(), grid.boundary());
    }
}
