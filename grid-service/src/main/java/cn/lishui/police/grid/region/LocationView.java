package cn.lishui.police.grid.region;

/** Where a point lies: its grid and the village, town and county around it. */
public record LocationView(Place grid, Place village, Place town, Place county) {

    public record Place(String code, String name) {

        static Place of(Region region) {
            return region == null ? null : new Place(region.code(), region.name());
        }
    }

    static LocationView of(GridLocator.Location location) {
        return new LocationView(new Place(location.grid().code(), location.grid().name()),
                Place.of(location.village()), Place.of(location.town()), Place.of(location.county()));
    }
}
