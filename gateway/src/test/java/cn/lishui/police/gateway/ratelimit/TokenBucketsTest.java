package cn.lishui.police.gateway.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(100, clock::get);

    @Test
    void aNewCallerHasTheWholeBurstAndThenWaits() {
        for (int i = 4; i >= 0; i--) {
            TokenBuckets.Decision decision = buckets.take("citizen-a", 1, 5);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(i);
        }

        TokenBuckets.Decision refused = buckets.take("citizen-a", 1, 5);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void retryAfterIsTheWaitForOneTokenRoundedUpToWholeSeconds() {
        buckets.take("citizen-b", 0.25, 1);

        assertThat(buckets.take("citizen-b", 0.25, 1).retryAfterSeconds()).isEqualTo(4);
        advanceSeconds(1.5);
        assertThat(buckets.take("citizen-b", 0.25, 1).retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void tokensComeBackAtTheReplenishRateUpToTheBurst() {
        for (int i = 0; i < 10; i++) {
            buckets.take("citizen-c", 2, 10);
        }
        assertThat(buckets.take("citizen-c", 2, 10).allowed()).isFalse();

        advanceSeconds(1);
        assertThat(buckets.take("citizen-c", 2, 10).allowed()).isTrue();
        assertThat(buckets.take("citizen-c", 2, 10).allowed()).isTrue();
        assertThat(buckets.take("citizen-c", 2, 10).allowed()).isFalse();

        advanceSeconds(3600);
        assertThat(buckets.take("citizen-c", 2, 10).remaining()).isEqualTo(9);
    }

    @Test
    void callersDoNotShareABucket() {
        buckets.take("citizen-d", 1, 1);

        assertThat(buckets.take("citizen-d", 1, 1).allowed()).isFalse();
        assertThat(buckets.take("citizen-e", 1, 1).allowed()).isTrue();
    }

    @Test
    void idleCallersAreForgottenOnceTheirBucketWouldBeFullAgain() {
        for (int i = 0; i < 50; i++) {
            buckets.take("visitor-" + i, 10, 10);
        }
        buckets.take("busy", 0.01, 10); // 100 s to refill one token: still owes when the others are forgotten
        assertThat(buckets.size()).isEqualTo(51);

        advanceSeconds(6);
        buckets.take("newcomer", 10, 10);

        assertThat(buckets.size()).isEqualTo(2);
        assertThat(buckets.take("busy", 0.01, 10).remaining()).isEqualTo(8); // remembered: 9 left, +0.06, -1
    }

    @Test
    void aFloodOfNewKeysCannotGrowTheMapPastItsBound() {
        for (int i = 0; i < 10_000; i++) {
            buckets.take("203.0.113." + i, 1, 10);
            clock.addAndGet(1000);
        }

        assertThat(buckets.size()).isLessThanOrEqualTo(100);
    }

    private void advanceSeconds(double seconds) {
        clock.addAndGet((long) (seconds * TimeUnit.SECONDS.toNanos(1)));
    }
}
