package cn.lishui.police.grid.officer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.lishui.police.platform.mongo.EmbeddedMongoServer;
import cn.lishui.police.platform.snapshot.StoreChanges;
import cn.lishui.police.platform.snapshot.StoreWrites;
import cn.lishui.police.platform.test.SelectedMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The in-memory roster behind {@link Assignments}: what makes it read the store again, and how often. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class OfficerRosterTest {

    static final String GRID = "331102001201009";

    @Autowired
    OfficerRoster roster;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    StoreWrites storeWrites;

    @Autowired
    StoreChanges storeChanges;

    @Autowired
    ObjectProvider<EmbeddedMongoServer> embeddedServer;

    @Test
    void aWriteThroughTheTemplateIsSeenByTheNextRead() {
        mongo.remove(new Query(), GridOfficer.class);
        assertThat(roster.current().gridOfficers()).doesNotContainKey(GRID);

        mongo.insert(new GridOfficer(GRID, "officer-a"));

        assertThat(roster.current().gridOfficers()).containsEntry(GRID, "officer-a");
    }

    @Test
    void manyReadersAfterAWriteShareOneReadOfTheStore() throws Exception {
        OfficerRoster.Roster before = roster.current();
        mongo.remove(new Query(), GridOfficer.class);
        mongo.insert(new GridOfficer(GRID, "officer-b"));
        long loadsBefore = roster.loads();

        int readers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<OfficerRoster.Roster>> reads = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                reads.add(pool.submit(() -> {
                    start.await();
                    return roster.current();
                }));
            }
            start.countDown();
            Set<OfficerRoster.Roster> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Future<OfficerRoster.Roster> read : reads) {
                OfficerRoster.Roster copy = read.get(30, TimeUnit.SECONDS);
                assertThat(copy.gridOfficers()).containsEntry(GRID, "officer-b");
                seen.add(copy);
            }
            assertThat(seen).hasSize(1).doesNotContain(before);
            assertThat(roster.loads() - loadsBefore).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriteStraightIntoTheCollectionIsNotSeenBeforeTheCopyIsOld() {
        mongo.remove(new Query(), GridOfficer.class);
        assertThat(roster.current().gridOfficers()).doesNotContainKey(GRID);

        // another instance's write: the template here hears nothing of it
        mongo.getCollection("grid_officers").insertOne(new Document("_id", GRID).append("officerId", "officer-c"));

        assertThat(roster.current().gridOfficers()).doesNotContainKey(GRID);
        mongo.remove(new Query(), GridOfficer.class);
    }

    @Test
    void anOldCopyIsReadAgainOnlyWhenTheStoreCountedAWriteToTheRoster() {
        // the embedded default counts its writes; a shared MongoDB (TEST_MONGODB_URI, Testcontainers) cannot tell
        assumeTrue(embeddedServer.getIfAvailable() != null, "a shared MongoDB: its old copies are read again");
        assertThat(storeChanges.writes(OfficerRoster.COLLECTIONS)).as("the embedded store's count").isPresent();
        mongo.remove(new Query(), GridOfficer.class);
        List<Runnable> refreshes = new ArrayList<>();
        // every copy is old at once (max age zero); its refresh runs when the test says
        OfficerRoster old = new OfficerRoster(mongo, storeWrites, storeChanges, Clock.systemUTC(), Duration.ZERO,
                refreshes::add);
        assertThat(old.current().gridOfficers()).doesNotContainKey(GRID);
        assertThat(old.loads()).isEqualTo(1);

        mongo.insert(new Document("_id", "roster-test-" + System.nanoTime()), "inspections");
        old.current();
        refreshes.remove(0).run();
        assertThat(old.loads()).as("nothing written to the roster's collections: the old copy stays").isEqualTo(1);

        // another instance's (or a shell's) write: the template here hears nothing of it, the store counts it
        mongo.getCollection("grid_officers").insertOne(new Document("_id", GRID).append("officerId", "officer-d"));
        old.current();
        refreshes.remove(0).run();
        assertThat(old.loads()).isEqualTo(2);
        assertThat(old.current().gridOfficers()).containsEntry(GRID, "officer-d");
        mongo.remove(new Query(), GridOfficer.class);
    }

    @Test
    void writesToOtherCollectionsKeepTheCopy() {
        OfficerRoster.Roster copy = roster.current();

        mongo.insert(new Document("_id", "roster-test-" + System.nanoTime()), "inspections");

        assertThat(roster.current()).isSameAs(copy);
    }
}
