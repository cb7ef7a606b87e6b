package cn.lishui.police.grid.region;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the grid of a point in memory: an STRtree over every grid polygon, with the names of the regions
 * above. Built from the store at start (after the demo data) and rebuilt whenever grids change; readers
 * see either the old or the new snapshot, never a half-built one.
 */
@Component
@Order(DemoData.ORDER + 1)
public class GridLocator implements ApplicationRunner {

    private record Entry(Grid grid, PreparedGeometry polygon) {
    }

    private record Snapshot(STRtree tree, Map<String, Region> regions) {
    }

    /** What a located point is in. */
    record Location(Grid grid, Region village, Region town, Region county) {
    }

    private final MongoTemplate mongo;
    private volatile Snapshot snapshot = new Snapshot(new STRtree(), Map.of());

    GridLocator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        rebuild();
    }

    /** Rebuilds the index from the store; called whenever grids change. */
    public synchronized void rebuild() {
        load(mongo.findAll(Grid.class), mongo.findAll(Region.class));
    }

    /** Indexes these grids and regions in place of the current ones (the store is not read). */
    synchronized void load(List<Grid> grids, List<Region> allRegions) {
        Map<String, Region> regions = new HashMap<>();
        // the counties are reference data, whether or not their upsert (LishuiCounties) ran before this load
        LishuiCounties.ALL.forEach(county -> regions.put(county.code(), county));
        allRegions.forEach(region -> regions.put(region.code(), region));
        STRtree tree = new STRtree();
        for (Grid grid : grids) {
            Polygon polygon = Boundaries.toPolygon(grid.boundary());
            tree.insert(polygon.getEnvelopeInternal(), new Entry(grid, PreparedGeometryFactory.prepare(polygon)));
        }
        tree.build();
        snapshot = new Snapshot(tree, regions);
    }

    /** The grid covering the point; on a shared edge, the grid with the smaller code. */
    Optional<Location> locate(Coordinates at) {
        Snapshot current = snapshot;
        Point point = Boundaries.GEOMETRY.createPoint(new org.locationtech.jts.geom.Coordinate(at.lng(), at.lat()));
        Grid found = null;
        for (Object candidate : current.tree().query(point.getEnvelopeInternal())) {
            Entry entry = (Entry) candidate;
            if (entry.polygon().covers(point) && (found == null || entry.grid().code().compareTo(found.code()) < 0)) {
                found = entry.grid();
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        Map<String, Region> regions = current.regions();
        return Optional.of(new Location(found, regions.get(found.villageCode()), regions.get(found.townCode()),
                regions.get(found.countyCode())));
    }

    /**
     * The grid, village, town and county of a point (WGS-84 degrees).
     *
     * @throws cn.lishui.police.platform.error.DomainException 400 INVALID_COORDINATES when out of range
     */
    public Optional<LocationView> locate(double lat, double lng) {
        return locate(new Coordinates(lat, lng)).map(LocationView::of);
    }

    /**
     * A region as the last rebuild read it; empty when it was not stored then. Regions are reference data (the
     * demo map and the counties, written at start before the first rebuild), so this is the store's answer
     * without a read of it.
     */
    Optional<Region> region(String code) {
        return Optional.ofNullable(snapshot.regions().get(code));
    }

    int size() {
        return snapshot.tree().size();
    }
}
