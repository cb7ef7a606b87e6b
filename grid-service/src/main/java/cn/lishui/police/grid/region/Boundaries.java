package cn.lishui.police.grid.region;

import java.util.ArrayList;
import java.util.List;

import cn.lishui.police.platform.error.DomainException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Turns GeoJSON polygons into JTS polygons, refusing what is not a polygon: a missing or malformed
 * body is a 400, a well-formed polygon that breaks geometry rules (unclosed ring, fewer than four
 * positions, self-intersection) is a 422, each with its own code.
 */
final class Boundaries {

    static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private Boundaries() {
    }

    static Polygon toPolygon(GeoPolygon boundary) {
        if (boundary == null || !GeoPolygon.POLYGON.equals(boundary.type()) || boundary.coordinates() == null
                || boundary.coordinates().isEmpty()) {
            throw DomainException.badRequest("INVALID_POLYGON");
        }
        LinearRing shell = ring(boundary.coordinates().get(0));
        List<LinearRing> holes = new ArrayList<>();
        for (List<List<Double>> hole : boundary.coordinates().subList(1, boundary.coordinates().size())) {
            holes.add(ring(hole));
        }
        Polygon polygon = GEOMETRY.createPolygon(shell, holes.toArray(LinearRing[]::new));
        TopologyValidationError error = new IsValidOp(polygon).getValidationError();
        if (error != null) {
            throw DomainException.unprocessable("POLYGON_SELF_INTERSECTING", error.getMessage());
        }
        return polygon;
    }

    private static LinearRing ring(List<List<Double>> positions) {
        if (positions == null) {
            throw DomainException.badRequest("INVALID_POLYGON");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = position(positions.get(i));
        }
        if (coordinates.length < 4) {
            throw DomainException.unprocessable("POLYGON_TOO_FEW_POSITIONS", coordinates.length);
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw DomainException.unprocessable("POLYGON_NOT_CLOSED");
        }
        return GEOMETRY.createLinearRing(coordinates);
    }

    private static Coordinate position(List<Double> position) {
        if (position == null || position.size() < 2 || position.get(0) == null || position.get(1) == null) {
            throw DomainException.badRequest("INVALID_POLYGON");
        }
        double lng = position.get(0);
        double lat = position.get(1);
        if (!Coordinates.valid(lat, lng)) {
            throw DomainException.badRequest("INVALID_COORDINATES");
        }
        return new Coordinate(lng, lat);
    }
}
