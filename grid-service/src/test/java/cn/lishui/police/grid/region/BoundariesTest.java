package cn.lishui.police.grid.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import cn.lishui.police.platform.error.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class BoundariesTest {

    private static GeoPolygon ring(double[]... positions) {
        return new GeoPolygon("Polygon", List.of(java.util.Arrays.stream(positions)
                .map(p -> List.of(p[0], p[1])).toList()));
    }

    private static void refused(GeoPolygon boundary, HttpStatus status, String code) {
        assertThatThrownBy(() -> Boundaries.toPolygon(boundary))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.code()).isEqualTo(code);
                });
    }

    @Test
    void aClosedRectangleIsAPolygonOfItsArea() {
        assertThat(Boundaries.toPolygon(GeoPolygon.rectangle(119.0, 28.0, 119.5, 28.2)).getArea())
                .isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aRingWhoseLastPositionIsNotItsFirstIsNotClosed() {
        refused(ring(new double[] {119, 28}, new double[] {119.1, 28}, new double[] {119.1, 28.1},
                new double[] {119, 28.1}), HttpStatus.UNPROCESSABLE_CONTENT, "POLYGON_NOT_CLOSED");
    }

    @Test
    void aRingOfFewerThanFourPositionsHasTooFewPositions() {
        refused(ring(new double[] {119, 28}, new double[] {119.1, 28}, new double[] {119, 28}),
                HttpStatus.UNPROCESSABLE_CONTENT, "POLYGON_TOO_FEW_POSITIONS");
    }

    @Test
    void aBowTieIsSelfIntersecting() {
        refused(ring(new double[] {119, 28}, new double[] {119.1, 28.1}, new double[] {119.1, 28},
                new double[] {119, 28.1}, new double[] {119, 28}), HttpStatus.UNPROCESSABLE_CONTENT,
                "POLYGON_SELF_INTERSECTING");
    }

    @Test
    void somethingThatIsNotAPolygonIsABadRequest() {
        refused(new GeoPolygon("Point", List.of()), HttpStatus.BAD_REQUEST, "INVALID_POLYGON");
        refused(null, HttpStatus.BAD_REQUEST, "INVALID_POLYGON");
        refused(new GeoPolygon("Polygon", List.of(List.of(List.of(119.0)))), HttpStatus.BAD_REQUEST, "INVALID_POLYGON");
    }

    @Test
    void aPositionOutsideTheEarthIsABadRequest() {
        refused(ring(new double[] {119, 28}, new double[] {119.1, 95}, new double[] {119.1, 28.1},
                new double[] {119, 28}), HttpStatus.BAD_REQUEST, "INVALID_COORDINATES");
    }
}
