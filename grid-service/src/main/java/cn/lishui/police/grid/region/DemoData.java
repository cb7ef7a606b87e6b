package cn.lishui.police.grid.region;

import java.util.ArrayList;
import java.util.List;

import cn.lishui.police.grid.demodata.DemoInserts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Writes the demo map ({@link DemoMap}) at start when {@code fengqiao.demo-data.enabled} is true and the
 * store has no towns yet, so later starts keep what is there. Regions and grids are written in
 * parallel, in batches ({@link DemoInserts}).
 */
@Component
@Order(DemoData.ORDER)
@ConditionalOnBooleanProperty("fengqiao.demo-data.enabled")
class DemoData implements ApplicationRunner {

    static final int ORDER = 0;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final MongoTemplate mongo;
    private final GridLocator locator;
    private final double scale;

    DemoData(MongoTemplate mongo, GridLocator locator, @Value("${fengqiao.demo-data.scale:1}") double scale) {
        this.mongo = mongo;
        this.locator = locator;
        this.scale = scale;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.exists(Query.query(Criteria.where("level").is(RegionLevel.TOWN)), Region.class)) {
            log.info("Demo map not generated: the store already has towns");
            return;
        }
        long started = System.nanoTime();
        DemoMap.Generated map = DemoMap.generate(scale);
        List<Region> regions = new ArrayList<>(map.towns());
        regions.addAll(map.villages());
        DemoInserts.insert(mongo, DemoInserts.part(regions, Region.class), DemoInserts.part(map.grids(), Grid.class));
        locator.rebuild();
        log.info("Demo map generated: {} towns, {} villages, {} grids in {} ms", map.towns().size(),
                map.villages().size(), map.grids().size(), (System.nanoTime() - started) / 1_000_000);
    }
}
