package cn.lishui.police.platform.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where one outgoing hand-off stands (an incident transferred to mediation, a compatriot's application
 * forwarded to public-service, a village code to verify). It lives in the owner's own document, so the
 * hand-off and the change that caused it are saved together in one atomic write: nothing is lost when
 * the receiver is down, and the same {@link #key() Idempotency-Key} on every attempt means the receiver
 * keeps one copy however often it is sent. A {@link DeliveryQueue} finds the pending ones again.
 *
 * @param status        {@code PENDING} until the receiver accepts ({@code DELIVERED}) or refuses for good ({@code REJECTED})
 * @param key           the Idempotency-Key sent with every attempt
 * @param attempts      failed attempts so far
 * @param nextAttemptAt when the scheduler tries again (pending only)
 * @param lastError     a short, log-safe description of the last failure
 * @param receipt       what the receiver answered with (its id for the thing delivered)
 * @param deliveredAt   when the receiver accepted (or refused)
 */
public record Delivery(Status status, String key, int attempts, Instant nextAttemptAt, String lastError,
                       String receipt, Instant deliveredAt) {

    /** The wait after the first failure; it doubles with each further one. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    /** The longest wait between two attempts. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    public enum Status { PENDING, DELIVERED, REJECTED }

    /** How one attempt went, as the scheduler counts it. */
    public enum Outcome { DELIVERED, RETRY, REJECTED, SKIPPED }

    public Delivery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(key, "key");
    }

    /** A new hand-off, due at once. */
    public static Delivery pending(String key, Instant now) {
        return new Delivery(Status.PENDING, key, 0, now, null, null, null);
    }

    public Delivery delivered(String receipt, Instant now) {
        return new Delivery(Status.DELIVERED, key, attempts, null, lastError, receipt, now);
    }

    /** A transient failure: try again after a backoff that doubles with each attempt, up to {@link #MAX_BACKOFF}. */
    public Delivery failed(String error, Instant now) {
        int failures = attempts + 1;
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 16));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        return new Delivery(Status.PENDING, key, failures, now.plus(wait), error, null, null);
    }

    /** The receiver refused for good (a 4xx): no more attempts; the owner shows why. */
    public Delivery rejected(String error, Instant now) {
        return new Delivery(Status.REJECTED, key, attempts + 1, null, error, null, now);
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    public boolean dueAt(Instant now) {
        return pending() && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
    }
}
