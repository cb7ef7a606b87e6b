package cn.lishui.police.mediation.dispute;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Whether a dispute may have gained a pending hand-off to grid-service (village check, police liaison) since a
 * queue last found none. The two delivery queues poll every few seconds; without this, each poll asks the store
 * for the pending ones, which on the embedded store (no secondary indexes) reads every dispute: at 100,000
 * disputes, two full scans every 5 s, each holding the collection while reads of single disputes wait. With it,
 * a queue that found nothing pending asks again only after a write that left a delivery pending.
 *
 * <p>Every dispute write that leaves a delivery pending calls {@link #wrote} after the write; a queue notes the
 * {@link #generation} before its query and, when the query finds nothing pending, skips its polls until the
 * generation moves. A write by another instance of the service is not seen (as for the KPI counters: one
 * instance writes a store's disputes); a restart asks the store again.
 */
@Component
class PendingDeliveries {

    private final AtomicLong generation = new AtomicLong();

    /** After a dispute was written: if one of its hand-offs is pending, the queues look again. */
    void wrote(Dispute dispute) {
        if (dispute.villageCheckPending() || dispute.liaisonPending()) {
            generation.incrementAndGet();
        }
    }

    long generation() {
        return generation.get();
    }
}
