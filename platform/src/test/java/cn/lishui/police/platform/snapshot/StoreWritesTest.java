package cn.lishui.police.platform.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.lishui.police.platform.testapp.PlatformTestApplication;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

@SpringBootTest(classes = PlatformTestApplication.class)
class StoreWritesTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    StoreWrites writes;

    record Officer(String id, String name) {
    }

    @Test
    void savesAndDeletesThroughTheTemplateInAWatchedCollectionRunTheActionBeforeTheWriterGoesOn() {
        AtomicInteger seen = new AtomicInteger();
        writes.onWrite(List.of("writes_officers", "writes_chiefs"), seen::incrementAndGet);

        mongo.insert(new Officer("o1", "王警官"), "writes_officers");
        assertThat(seen).hasValue(1);
        mongo.save(new Officer("o1", "王警官（调任）"), "writes_officers");
        assertThat(seen).hasValue(2);
        mongo.insert(List.of(new Officer("c1", "村警长"), new Officer("c2", "副警长")), "writes_chiefs");
        assertThat(seen).hasValue(4);
        mongo.remove(Query.query(Criteria.where("_id").is("c2")), "writes_chiefs");
        assertThat(seen).hasValue(5);
    }

    @Test
    void writesToOtherCollectionsAndWritesAroundTheTemplatesEventsAreNotSeen() {
        AtomicInteger seen = new AtomicInteger();
        writes.onWrite(List.of("writes_watched"), seen::incrementAndGet);

        mongo.insert(new Officer("o1", "other"), "writes_unwatched");
        mongo.remove(Query.query(Criteria.where("_id").is("o1")), "writes_unwatched");
        // these publish no after-save event: a copy that must show them keeps a maximum age
        mongo.getCollection("writes_watched").insertOne(new Document("_id", "o2").append("name", "driver"));
        mongo.updateFirst(Query.query(Criteria.where("_id").is("o2")), Update.update("name", "updated"), "writes_watched");

        assertThat(seen).hasValue(0);
    }
}
