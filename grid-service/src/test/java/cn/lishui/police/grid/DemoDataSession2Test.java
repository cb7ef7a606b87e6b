package cn.lishui.police.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.lishui.police.platform.test.SelectedMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The demo data of issue 5, once over a small demo map: 云和's 25 liaison groups with 5,000+ members,
 * 遂昌's 36 backpack points and its markets, and incidents that went through the state machine.
 */
@SpringBootTest(properties = {"fengqiao.demo-data.enabled=true", "fengqiao.demo-data.scale=0.05",
        "fengqiao.delivery.enabled=false"})
@SelectedMongo
class DemoDataSession2Test {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    List<ApplicationRunner> runners;

    long count(String collection, Document filter) {
        return mongo.getCollection(collection).countDocuments(filter);
    }

    @Test
    void yunheHasItsSwarmSuichangItsBackpackPointsAndMarketsAndIncidentsAreClosedOnceAndNotTwice() throws Exception {
        assertThat(count("liaison_groups", new Document("countyCode", "331125"))).isEqualTo(25);
        assertThat(count("liaison_members", new Document("countyCode", "331125"))).isGreaterThanOrEqualTo(5_000);
        assertThat(mongo.getCollection("liaison_members").find().first().toJson()).doesNotContain("\"phone\": \"1");
        assertThat(count("backpack_points", new Document("countyCode", "331123"))).isEqualTo(36);
        assertThat(count("markets", new Document("countyCode", "331123"))).isPositive();
        assertThat(count("markets", new Document("schedule.type", "LUNAR_DAYS"))).isPositive();
        long incidents = count("incidents", new Document());
        assertThat(incidents).isGreaterThanOrEqualTo(300);
        assertThat(count("incidents", new Document("status", "CLOSED"))).isEqualTo(incidents);
        assertThat(count("incidents", new Document("dispatchSeconds", new Document("$gt", 0)))).isEqualTo(incidents);

        for (ApplicationRunner runner : runners) {
            runner.run(null);
        }
        assertThat(count("liaison_groups", new Document())).isEqualTo(25);
        assertThat(count("backpack_points", new Document())).isEqualTo(36);
        assertThat(count("incidents", new Document())).isEqualTo(incidents);
    }
}
