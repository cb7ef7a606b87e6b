package cn.lishui.police.platform.delivery;

import java.time.Instant;
import java.util.List;

/**
 * One kind of hand-off whose pending {@link Delivery deliveries} live in their owners' documents.
 * Declare an implementation as a bean and {@link DeliveryScheduler} drives it: it asks for the due
 * owners and has each redelivered, counting outcomes and exporting the backlog.
 */
public interface DeliveryQueue {

    /** The queue's name in metrics and logs, e.g. {@code mediation-handoff}. */
    String name();

    /** How many deliveries are pending now (a count on an indexed status field). */
    long backlog();

    /** Ids of owners whose delivery is pending and due at {@code now}, oldest first, at most {@code limit}. */
    List<String> due(Instant now, int limit);

    /**
     * Tries the owner's delivery once more and records the new {@link Delivery} in the owner's document.
     * {@link Delivery.Outcome#SKIPPED} when it is no longer pending (delivered meanwhile, e.g. by the request
     * that created it, or by another instance).
     */
    Delivery.Outcome redeliver(String ownerId);
}
