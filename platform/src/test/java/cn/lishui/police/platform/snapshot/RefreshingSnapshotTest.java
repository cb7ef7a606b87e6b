package cn.lishui.police.platform.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import cn.lishui.police.platform.testapp.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshingSnapshotTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T08:00:00Z"));
    private final AtomicInteger loads = new AtomicInteger();
    /** What the register holds: the loader reads it. */
    private final List<String> register = new ArrayList<>(List.of("a"));
    private final Supplier<List<String>> loader = () -> {
        loads.incrementAndGet();
        return List.copyOf(register);
    };
    /** Background loads queued here and run when the test says. */
    private final List<Runnable> queued = new ArrayList<>();
    private final RefreshingSnapshot<List<String>> snapshot =
            new RefreshingSnapshot<>(loader, Duration.ofSeconds(60), clock, queued::add);

    @Test
    void readsAnswerFromOneCopyUntilItIsInvalidatedThenTheCallerSeesItsOwnChange() {
        assertThat(snapshot.get()).containsExactly("a");
        assertThat(snapshot.get()).containsExactly("a");
        assertThat(loads).hasValue(1);

        register.add("b");
        assertThat(snapshot.get()).as("a change elsewhere is not seen before max-age").containsExactly("a");

        snapshot.invalidate();
        assertThat(snapshot.get()).as("after a change here the next read waits for a new copy").containsExactly("a", "b");
        assertThat(loads).hasValue(2);
        assertThat(queued).isEmpty();
    }

    @Test
    void anOldCopyStillAnswersWhileOneBackgroundLoadTakesTheNext() {
        snapshot.get();
        register.add("b");
        clock.advance(Duration.ofSeconds(61));

        assertThat(snapshot.get()).as("no reader waits for the refresh").containsExactly("a");
        assertThat(snapshot.get()).containsExactly("a");
        assertThat(queued).as("one refresh at a time").hasSize(1);

        queued.remove(0).run();
        assertThat(snapshot.get()).containsExactly("a", "b");
        assertThat(loads).hasValue(2);
        assertThat(queued).isEmpty();
    }

    @Test
    void aCopyWhoseLoadBeganBeforeAnInvalidationIsNotKept() {
        AtomicInteger calls = new AtomicInteger();
        RefreshingSnapshot<String>[] self = new RefreshingSnapshot[1];
        self[0] = new RefreshingSnapshot<>(() -> {
            if (calls.incrementAndGet() == 1) {
                self[0].invalidate(); // a change here while the first load reads the register
                return "before the change";
            }
            return "after the change";
        }, Duration.ofSeconds(60), clock, Runnable::run);

        assertThat(self[0].get()).as("the caller that asked gets what was read").isEqualTo("before the change");
        assertThat(self[0].get()).as("but it was not kept").isEqualTo("after the change");
        assertThat(self[0].get()).isEqualTo("after the change");
        assertThat(calls).hasValue(2);
    }

    @Test
    void anOldCopyIsKeptWithoutAReadWhileTheStoreCountsNoWrite() {
        AtomicLong writes = new AtomicLong();
        RefreshingSnapshot<List<String>> counted = new RefreshingSnapshot<>(loader, Duration.ofSeconds(60), clock,
                queued::add, () -> OptionalLong.of(writes.get()));
        counted.get();
        clock.advance(Duration.ofSeconds(61));

        counted.get();
        queued.remove(0).run();
        assertThat(loads).as("nothing written: the old copy stays").hasValue(1);
        counted.get();
        assertThat(queued).as("and counts as new for another max-age").isEmpty();

        register.add("b");
        writes.incrementAndGet();
        clock.advance(Duration.ofSeconds(61));
        assertThat(counted.get()).containsExactly("a");
        queued.remove(0).run();
        assertThat(loads).as("a write counted since: read again").hasValue(2);
        assertThat(counted.get()).containsExactly("a", "b");
    }

    @Test
    void aWriteDuringTheReadIsNotMissed() {
        AtomicLong writes = new AtomicLong();
        // the write lands while the copy is being read, after the read saw the register
        Supplier<List<String>> racing = () -> {
            List<String> copy = loader.get();
            register.add("late");
            writes.incrementAndGet();
            return copy;
        };
        RefreshingSnapshot<List<String>> counted = new RefreshingSnapshot<>(racing, Duration.ofSeconds(60), clock,
                queued::add, () -> OptionalLong.of(writes.get()));
        assertThat(counted.get()).containsExactly("a");

        clock.advance(Duration.ofSeconds(61));
        counted.get();
        queued.remove(0).run();
        assertThat(loads).as("the count moved after the copy's read began: read again").hasValue(2);
        assertThat(counted.get()).contains("late");
    }

    @Test
    void aStoreThatCannotTellIsReadAgainWhenTheCopyIsOld() {
        RefreshingSnapshot<List<String>> unknown = new RefreshingSnapshot<>(loader, Duration.ofSeconds(60), clock,
                queued::add, OptionalLong::empty);
        unknown.get();
        clock.advance(Duration.ofSeconds(61));
        unknown.get();
        queued.remove(0).run();
        assertThat(loads).hasValue(2);
    }
}
