package cn.lishui.police.platform.delivery;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingWatchTest {

    private final PendingWatch watch = new PendingWatch();
    private final List<String> pending = new ArrayList<>();
    private int queries;

    private List<String> due() {
        return watch.unlessIdle(() -> {
            queries++;
            return List.copyOf(pending);
        }, List::isEmpty, List.of());
    }

    @Test
    void anIdleQueueAsksTheStoreOnceUntilAWriteMayLeaveADeliveryPending() {
        assertThat(due()).isEmpty();
        assertThat(due()).isEmpty();
        assertThat(queries).isEqualTo(1);

        pending.add("incident-1");
        watch.mayBePending();
        assertThat(due()).containsExactly("incident-1");
        assertThat(due()).containsExactly("incident-1");   // still pending: every poll asks
        assertThat(queries).isEqualTo(3);

        pending.clear();                                  // delivered
        assertThat(due()).isEmpty();
        assertThat(due()).isEmpty();
        assertThat(queries).isEqualTo(4);
    }

    @Test
    void aQueryThatMissedAWriteMadeMeanwhileIsFollowedByOneThatSeesIt() {
        List<String> answer = watch.unlessIdle(() -> {
            queries++;
            List<String> before = List.copyOf(pending); // the query reads the store before the write lands,
            pending.add("incident-2");                  // then the write and its signal happen
            watch.mayBePending();
            return before;
        }, List::isEmpty, List.of());

        assertThat(answer).isEmpty();
        assertThat(due()).containsExactly("incident-2");
    }
}
