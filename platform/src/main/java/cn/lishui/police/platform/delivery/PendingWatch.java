package cn.lishui.police.platform.delivery;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Lets a {@link DeliveryQueue} stop asking the store for pending deliveries while none can be pending. The
 * scheduler polls every queue every few seconds and the metrics scrape asks for its backlog; on the embedded store
 * (no secondary indexes) each of those queries reads every owner document, so an idle queue over 100,000 disputes
 * or incidents spent its CPU re-reading them all (and made other requests wait behind it).
 *
 * <p>The owner's service calls {@link #mayBePending()} <em>after</em> every write that can leave a delivery of this
 * queue pending (creating it, a failed attempt). A query run through {@link #unlessIdle} that finds none makes the
 * next ones answer "none" without asking the store, until such a write. Calling it after the write matters: a
 * query that started before the write and missed it is followed by one that sees it. Writes made by another
 * instance of the service are not seen (the services run one instance per store); a restart asks the store again.
 */
public final class PendingWatch {

    private final AtomicLong writes = new AtomicLong();
    /** The count of {@link #writes} at which a query found none pending; -1: not yet. */
    private final AtomicLong noneSince = new AtomicLong(-1);

    /** A write may have left a delivery of this queue pending: the next query asks the store. */
    public void mayBePending() {
        writes.incrementAndGet();
    }

    /**
     * The query's answer, or {@code idle} without running it when a query already found none pending and no write
     * since could have left one pending.
     *
     * @param none whether an answer means that none is pending
     */
    public <T> T unlessIdle(Supplier<T> query, Predicate<T> none, T idle) {
        long seen = writes.get();
        if (seen == noneSince.get()) {
            return idle;
        }
        T answer = query.get();
        if (none.test(answer)) {
            noneSince.accumulateAndGet(seen, Math::max);
        }
        return answer;
    }
}
