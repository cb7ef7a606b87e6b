package cn.lishui.police.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.lishui.police.platform.testapp.MovableClock;
import cn.lishui.police.platform.testapp.PlatformTestApplication;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The rotation pass at start-up and every interval reads every document of a swept collection (74 s at 100,000
 * disputes on the embedded store); once a field is found clean under the keys configured now, later passes
 * (after a restart too) skip it, and any change of the keys sweeps it again. A field is never marked clean while
 * a value under a key that is not configured is left in it.
 */
@SpringBootTest(classes = PlatformTestApplication.class)
class PersonalDataRotationMarkerTest {

    static final String K3 = Base64.getEncoder().encodeToString("k3k3k3k3k3k3k3k3k3k3k3k3k3k3k3k3".getBytes());

    @Autowired
    MongoTemplate mongo;

    record Resident(String id, ProtectedValue idCard) {
    }

    /** The service's template, counting the reads of the collections under test (the sweeps' queries). */
    static final class CountingTemplate extends MongoTemplate {
        final AtomicInteger sweepReads = new AtomicInteger();
        private final String collection;

        CountingTemplate(MongoTemplate template, String collection) {
            super(template.getMongoDatabaseFactory(), template.getConverter());
            this.collection = collection;
        }

        @Override
        public <T> List<T> find(Query query, Class<T> entityClass, String collectionName) {
            if (collectionName.equals(collection)) {
                sweepReads.incrementAndGet();
            }
            return super.find(query, entityClass, collectionName);
        }
    }

    static PersonalDataKeys keys(String active, String... ids) {
        Map<String, String> all = new java.util.HashMap<>();
        for (String id : ids) {
            all.put(id, switch (id) {
                case "k1" -> PersonalDataProtectorTest.K1;
                case "k2" -> PersonalDataProtectorTest.K2;
                default -> K3;
            });
        }
        return new PersonalDataKeys(active, all, PersonalDataProtectorTest.HMAC);
    }

    PersonalDataRotation rotation(CountingTemplate template, PersonalDataKeys keys, String field) {
        return new PersonalDataRotation(template, new PersonalDataProtector(keys), keys, List.of(field));
    }

    void insertUnder(PersonalDataKeys keys, String collection, int count) {
        PersonalDataProtector protector = new PersonalDataProtector(keys);
        for (int i = 0; i < count; i++) {
            mongo.insert(new Resident(collection + "-" + i,
                    protector.protect(PersonalDataKind.ID_CARD, IdCardNumberTest.VALID_LISHUI)), collection);
        }
    }

    long countUnder(String collection, String keyId) {
        return mongo.count(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("idCard.keyId").is(keyId)),
                Document.class, collection);
    }

    @Test
    void aRestartWithTheSameKeysReadsNoDocumentOfASweptField() {
        String collection = "marker_restart";
        insertUnder(keys("k1", "k1"), collection, 300);
        CountingTemplate first = new CountingTemplate(mongo, collection);
        assertThat(rotation(first, keys("k2", "k1", "k2"), collection + ":idCard").rotateAll()).isEqualTo(300);
        assertThat(first.sweepReads.get()).isPositive();

        CountingTemplate afterRestart = new CountingTemplate(mongo, collection);
        PersonalDataRotation restarted = rotation(afterRestart, keys("k2", "k1", "k2"), collection + ":idCard");
        assertThat(restarted.rotateAll()).isZero();
        assertThat(restarted.rotateAll()).isZero();
        assertThat(afterRestart.sweepReads).hasValue(0);
        assertThat(countUnder(collection, "k2")).isEqualTo(300);
    }

    @Test
    void aNewActiveKeyOrARetiredKeySweepsTheFieldAgain() {
        String collection = "marker_key_change";
        String field = collection + ":idCard";
        insertUnder(keys("k1", "k1"), collection, 250);
        assertThat(rotation(new CountingTemplate(mongo, collection), keys("k2", "k1", "k2"), field).rotateAll())
                .isEqualTo(250);

        // the active key changes: everything is re-sealed again although the field was marked clean under k2
        CountingTemplate toK3 = new CountingTemplate(mongo, collection);
        assertThat(rotation(toK3, keys("k3", "k1", "k2", "k3"), field).rotateAll()).isEqualTo(250);
        assertThat(countUnder(collection, "k3")).isEqualTo(250);

        // k1 and k2 retired (removed): the field is swept once more under the new key set, finds nothing
        CountingTemplate retired = new CountingTemplate(mongo, collection);
        assertThat(rotation(retired, keys("k3", "k3"), field).rotateAll()).isZero();
        assertThat(retired.sweepReads.get()).isPositive();
        CountingTemplate next = new CountingTemplate(mongo, collection);
        assertThat(rotation(next, keys("k3", "k3"), field).rotateAll()).isZero();
        assertThat(next.sweepReads).hasValue(0);
    }

    @Test
    void aFieldWithAValueUnderAKeyThatIsNoLongerConfiguredIsNeverMarkedAndEveryPassLooksAgain() {
        String collection = "marker_lost_key";
        String field = collection + ":idCard";
        insertUnder(keys("k1", "k1"), collection, 3);
        // k1 was removed before its values were re-sealed: they cannot be re-sealed, and the field stays unmarked
        for (int pass = 0; pass < 2; pass++) {
            CountingTemplate template = new CountingTemplate(mongo, collection);
            assertThatThrownBy(() -> rotation(template, keys("k2", "k2"), field).rotateAll())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("k1");
            assertThat(template.sweepReads.get()).isPositive();
        }
        assertThat(mongo.findById(field, Document.class, PersonalDataRotation.MARKERS)).isNull();
        assertThat(countUnder(collection, "k1")).isEqualTo(3);
    }

    @Test
    void whereOtherReplicasWriteTheStoreAFieldIsSkippedOnlyAfterASecondCleanSweepASettleTimeLater() {
        String collection = "marker_replicas";
        String field = collection + ":idCard";
        MovableClock clock = new MovableClock(Instant.parse("2026-11-29T12:00:00Z"));
        PersonalDataKeys k2 = keys("k2", "k1", "k2");
        CountingTemplate template = new CountingTemplate(mongo, collection);
        PersonalDataRotation rotation = new PersonalDataRotation(template, new PersonalDataProtector(k2), k2,
                List.of(field), Duration.ofHours(1), clock);
        insertUnder(keys("k1", "k1"), collection, 20);
        assertThat(rotation.rotateAll()).isEqualTo(20);

        // a replica still on k1 (a rolling restart) writes after the first sweep; the next pass sweeps and finds it
        clock.advance(Duration.ofMinutes(10));
        mongo.insert(new Resident("late", new PersonalDataProtector(keys("k1", "k1"))
                .protect(PersonalDataKind.ID_CARD, IdCardNumberTest.VALID_LISHUI)), collection);
        assertThat(rotation.rotateAll()).isEqualTo(1);

        // an hour after the first clean sweep, one more finds nothing and confirms; after that, nothing is read
        clock.advance(Duration.ofMinutes(55));
        assertThat(rotation.rotateAll()).isZero();
        int reads = template.sweepReads.get();
        clock.advance(Duration.ofHours(1));
        assertThat(rotation.rotateAll()).isZero();
        assertThat(template.sweepReads).hasValue(reads);
        assertThat(countUnder(collection, "k1")).isZero();
    }
}
