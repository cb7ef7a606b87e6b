package cn.lishui.police.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Time-ordered ids are UUIDs (version 7) that sort in the order they were made. */
class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7UuidsInIncreasingOrderEvenWithinOneMillisecond() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(TimeOrderedIds.next());
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        UUID first = UUID.fromString(ids.get(0));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        // the first 48 bits are the creation time in milliseconds
        assertThat(first.getMostSignificantBits() >>> 16).isBetween(System.currentTimeMillis() - 60_000,
                System.currentTimeMillis() + 1_000);
    }
}
