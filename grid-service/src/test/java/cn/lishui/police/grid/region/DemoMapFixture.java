package cn.lishui.police.grid.region;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Replaces the map below the counties with a freshly generated demo map at a small scale. */
final class DemoMapFixture {

    static final double SCALE = 0.02;

    private DemoMapFixture() {
    }

    static void clear(MongoTemplate mongo) {
        mongo.remove(Query.query(Criteria.where("level").ne(RegionLevel.COUNTY)), Region.class);
        mongo.remove(new Query(), Grid.class);
    }

    static DemoMap.Generated write(MongoTemplate mongo, GridLocator locator) {
        clear(mongo);
        DemoMap.Generated map = DemoMap.generate(SCALE);
        mongo.insert(map.towns(), Region.class);
        mongo.insert(map.villages(), Region.class);
        mongo.insert(map.grids(), Grid.class);
        locator.rebuild();
        return map;
    }
}
