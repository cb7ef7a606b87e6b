package cn.lishui.police.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** The key order of the BSON-typed store against H2's default (Java-serialising) order it replaces. */
class BsonValuesTest {

    private final ObjectDataType stock = new ObjectDataType();

    private final List<Object> values = List.of(
            "", "a", "b", "ab", "村", "331121101001", Double.valueOf(-1.5), Double.valueOf(0), Double.valueOf(7),
            Double.valueOf(1e18), Long.valueOf(Long.MAX_VALUE), Integer.valueOf(3), Boolean.FALSE, Boolean.TRUE,
            Instant.parse("2026-11-29T06:00:00Z"), Instant.parse("2026-11-29T07:00:00Z"),
            new ObjectId("65a1b2c3d4e5f60718293a4b"), new ObjectId("65a1b2c3d4e5f60718293a4c"),
            UUID.fromString("00000000-0000-0001-0000-000000000001"), Missing.getInstance(),
            new Document("a", 1.0), new Document("a", 2.0), new Document("b", 1.0).append("a", 1.0),
            List.of(1.0, 2.0), List.of(1.0, 3.0), List.of());

    @Test
    void valuesH2ComparedDirectlyKeepTheirOrderAndAllKeepTheirEquality() {
        for (Object a : values) {
            for (Object b : values) {
                int before = Integer.signum(stock.compare(a, b));
                int now = Integer.signum(BsonValues.compare(a, b));
                assertThat(now == 0).as("equal %s / %s", a, b).isEqualTo(before == 0);
                if (!(a instanceof java.util.Map || a instanceof java.util.Collection || a instanceof Missing
                        || b instanceof java.util.Map || b instanceof java.util.Collection || b instanceof Missing)) {
                    assertThat(now).as("order of %s / %s", a, b).isEqualTo(before);
                }
            }
        }
    }

    @Test
    void theOrderIsATotalOrder() {
        List<Object> sorted = new ArrayList<>(values);
        sorted.sort(BsonValues::compare);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = 0; j < sorted.size(); j++) {
                int expected = Integer.signum(Integer.compare(i, j));
                assertThat(Integer.signum(BsonValues.compare(sorted.get(i), sorted.get(j))))
                        .as("%s / %s", sorted.get(i), sorted.get(j)).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyValueReadsBackEqualAndComparesEqualToItself() {
        for (Object value : values) {
            Object read = BsonValues.decode(BsonValues.encode(value));
            assertThat(read).as("%s read back", value).isEqualTo(value);
            assertThat(BsonValues.compare(read, value)).as("%s (%s) / %s (%s)", read, read.getClass(), value, value.getClass()).isZero();
        }
    }

    @Test
    void indexKeysCompareFieldByField() {
        KeyValue a = new KeyValue(List.of("331121", Instant.parse("2026-11-29T06:00:00Z")));
        KeyValue b = new KeyValue(List.of("331121", Instant.parse("2026-11-29T07:00:00Z")));
        KeyValue nullKey = new KeyValue(java.util.Arrays.asList("331121", null));
        assertThat(IndexKeyType.INSTANCE.compare(a, b)).isNegative();
        assertThat(IndexKeyType.INSTANCE.compare(b, a)).isPositive();
        assertThat(IndexKeyType.INSTANCE.compare(a, new KeyValue(List.of("331121", Instant.parse("2026-11-29T06:00:00Z")))))
                .isZero();
        assertThat(IndexKeyType.INSTANCE.compare(nullKey, a)).isNegative();
    }
}
