package cn.lishui.police.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Dispute ids are UUIDs (version 7) that sort in the order the disputes were registered. */
class DisputeIdsTest {

    @Test
    void idsAreVersion7UuidsInIncreasingOrderEvenWithinOneMillisecond() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(DisputeIds.next());
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
