package cn.lishui.police.mediation.dispute;

import cn.lishui.police.platform.delivery.PendingWatch;

import org.springframework.stereotype.Component;

/**
 * Whether a dispute may have gained a pending hand-off to grid-service (village check, police liaison) since a
 * queue last found none: one platform {@link PendingWatch} per queue. The two delivery queues poll every few
 * seconds; without this, each poll asks the store for the pending ones, which on the embedded store (no secondary
 * indexes) reads every dispute: at 100,000 disputes, two full scans every 5 s, each holding the collection while
 * reads of single disputes wait. With it, a queue that found nothing pending asks again only after a write that
 * left one of its deliveries pending. Every dispute write calls {@link #wrote} after the write.
 */
@Component
class PendingDeliveries {

    private final PendingWatch village = new PendingWatch();
    private final PendingWatch liaison = new PendingWatch();

    /** After a dispute was written: the queue of each of its pending hand-offs looks again. */
    void wrote(Dispute dispute) {
        if (dispute.villageCheckPending()) {
            village.mayBePending();
        }
        if (dispute.liaisonPending()) {
            liaison.mayBePending();
        }
    }

    PendingWatch village() {
        return village;
    }

    PendingWatch liaison() {
        return liaison;
    }
}
