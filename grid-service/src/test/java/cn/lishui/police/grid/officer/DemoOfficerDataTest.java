package cn.lishui.police.grid.officer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lishui.police.grid.region.MapDirectory;
import cn.lishui.police.platform.test.SelectedMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The demo officers cover whatever map the store has, once. */
@SpringBootTest(properties = {"fengqiao.demo-data.enabled=true", "fengqiao.demo-data.scale=0.05"})
@SelectedMongo
class DemoOfficerDataTest {

    @Autowired
    DemoOfficerData demoOfficers;

    @Autowired
    MapDirectory map;

    @Autowired
    MongoTemplate mongo;

    private void clearOfficers() {
        for (String collection : new String[] {"officers", "village_chiefs", "grid_officers"}) {
            mongo.getCollection(collection).deleteMany(new Document());
        }
    }

    @Test
    void everyVillageGetsAChiefPairAndEveryGridAnOfficerAndASecondRunAddsNothing() {
        clearOfficers();

        demoOfficers.run(null);
        long officers = mongo.getCollection("officers").countDocuments();
        demoOfficers.run(null);

        assertThat(officers).isPositive();
        assertThat(mongo.getCollection("officers").countDocuments()).isEqualTo(officers);
        assertThat(mongo.getCollection("village_chiefs").countDocuments(new Document("chiefs", new Document("$size", 2))))
                .isEqualTo(map.villageCodes().size());
        assertThat(mongo.getCollection("grid_officers").countDocuments()).isEqualTo(map.gridCodes().size());
    }
}
