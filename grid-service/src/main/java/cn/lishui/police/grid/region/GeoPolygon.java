package cn.lishui.police.grid.region;

import java.util.List;

/**
 * A GeoJSON Polygon as stored and shown: {@code {"type":"Polygon","coordinates":[[[lng,lat],...]]}}.
 * The first ring is the shell; further rings are holes.
 */
public record GeoPolygon(String type, List<List<List<Double>>> coordinates) {

    public static final String POLYGON = "Polygon";

    /** An axis-aligned rectangle as a closed counter-clockwise ring of five positions. */
    static GeoPolygon rectangle(double west, double south, double east, double north) {
        return new GeoPolygon(POLYGON, List.of(List.of(
                List.of(west, south), List.of(east, south), List.of(east, north), List.of(west, north),
                List.of(west, south))));
    }
}
