package cn.lishui.police.grid.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The demo map is written once into a store without towns, and never again. */
@SpringBootTest(properties = {"fengqiao.demo-data.enabled=true", "fengqiao.demo-data.scale=0.05"})
@SelectedMongo
class DemoDataTest {

    @Autowired
    DemoData demoData;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    GridLocator locator;

    private long count(RegionLevel level) {
        return mongo.count(Query.query(Criteria.where("level").is(level)), Region.class);
    }

    @Test
    void anEmptyStoreGetsTheDemoMapAndTheLocatorSeesItsGrids() {
        DemoMapFixture.clear(mongo);
        DemoMap.Generated expected = DemoMap.generate(0.05);

        demoData.run(null);

        assertThat(count(RegionLevel.TOWN)).isEqualTo(expected.towns().size());
        assertThat(count(RegionLevel.VILLAGE)).isEqualTo(expected.villages().size());
        assertThat(mongo.count(new Query(), Grid.class)).isEqualTo(expected.grids().size());
        assertThat(locator.size()).isEqualTo(expected.grids().size());
    }

    @Test
    void aStoreThatHasTownsIsLeftAsItIs() {
        DemoMapFixture.clear(mongo);
        demoData.run(null);
        mongo.remove(new Query(), Grid.class);

        demoData.run(null);

        assertThat(mongo.count(new Query(), Grid.class)).isZero();
        assertThat(count(RegionLevel.VILLAGE)).isEqualTo(DemoMap.generate(0.05).villages().size());
    }
}
