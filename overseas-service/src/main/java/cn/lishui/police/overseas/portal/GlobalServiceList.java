package cn.lishui.police.overseas.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.lishui.police.overseas.client.PublicServiceClient;
import cn.lishui.police.overseas.client.ServiceIdentity;
import cn.lishui.police.platform.delivery.DeliveryFailures;
import cn.lishui.police.platform.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The global (全球通办) service list, read from public-service and cached: in memory for
 * {@code fengqiao.overseas.portal.global-list-ttl}, and in the store so that a restart while public-service is
 * down still has the last known list. Once a list is known, no reader ever waits for public-service: a list
 * older than the TTL is answered at once, marked stale, while one background refresh asks public-service
 * (stale-while-revalidate; a hung public-service holds that one thread for the client's timeouts, no reader).
 * When the refresh fails, public-service is not asked again for {@code global-list-retry-after}. Only the very
 * first read, with no list in memory or in the store, waits for public-service (503 when it cannot answer).
 */
@Component
class GlobalServiceList {

    private static final Logger log = LoggerFactory.getLogger(GlobalServiceList.class);
    private static final int PAGE_SIZE = 200;

    /** The list as the portal shows it. */
    record Listing(List<PublicServiceClient.Item> items, Instant fetchedAt, boolean stale) {
    }

    @Document("portal_cache")
    record Snapshot(@Id String id, List<PublicServiceClient.Item> items, Instant fetchedAt) {
    }

    private static final String SNAPSHOT_ID = "global-items";

    private final PublicServiceClient publicService;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration ttl;
    private final Duration retryAfter;
    private volatile Snapshot snapshot;
    private volatile Instant failedAt;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    GlobalServiceList(PublicServiceClient publicService, MongoTemplate mongo, ObjectProvider<Clock> clock,
                      @Value("${fengqiao.overseas.portal.global-list-ttl:PT5M}") Duration ttl,
                      @Value("${fengqiao.overseas.portal.global-list-retry-after:PT10S}") Duration retryAfter) {
        this.publicService = publicService;
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.ttl = ttl;
        this.retryAfter = retryAfter;
    }

    Listing listing() {
        Instant now = clock.instant();
        Snapshot known = known();
        if (known == null) {
            return refresh(now);
        }
        if (known.fetchedAt().plus(ttl).isAfter(now)) {
            return new Listing(known.items(), known.fetchedAt(), false);
        }
        Instant failed = failedAt;
        if (failed == null || !failed.plus(retryAfter).isAfter(now)) {
            refreshInBackground();
        }
        return new Listing(known.items(), known.fetchedAt(), true);
    }

    /** Starts one refresh on its own thread unless one is running already. */
    private void refreshInBackground() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        Thread refresher = new Thread(() -> {
            try {
                refresh(clock.instant());
            } catch (RuntimeException failure) {
                log.warn("Global service list refresh failed: {}", failure.toString());
            } finally {
                refreshing.set(false);
            }
        }, "global-list-refresh");
        refresher.setDaemon(true);
        refresher.start();
    }

    /** The global item with this code when the list is known; empty when the list has never been read. */
    Optional<Optional<PublicServiceClient.Item>> find(String itemCode) {
        Listing listing;
        try {
            listing = listing();
        } catch (DomainException unavailable) {
            return Optional.empty();
        }
        return Optional.of(listing.items().stream().filter(item -> item.code().equals(itemCode)).findFirst());
    }

    /** Forgets the cached list (tests, and after public-service publishes a new catalogue version). */
    void evict() {
        snapshot = null;
        failedAt = null;
        mongo.remove(Query.query(Criteria.where("_id").is(SNAPSHOT_ID)), Snapshot.class);
    }

    private synchronized Listing refresh(Instant now) {
        Snapshot known = known();
        if (known != null && known.fetchedAt().plus(ttl).isAfter(now)) {
            return new Listing(known.items(), known.fetchedAt(), false);
        }
        try {
            List<PublicServiceClient.Item> items = ServiceIdentity.call(this::fetchAll);
            Snapshot fresh = new Snapshot(SNAPSHOT_ID, items, now);
            mongo.save(fresh);
            snapshot = fresh;
            failedAt = null;
            return new Listing(items, now, false);
        } catch (RuntimeException failure) {
            failedAt = now;
            log.warn("Global service list not refreshed from public-service: {}", DeliveryFailures.describe(failure));
            if (known == null) {
                throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "GLOBAL_LIST_UNAVAILABLE");
            }
            return new Listing(known.items(), known.fetchedAt(), true);
        }
    }

    private List<PublicServiceClient.Item> fetchAll() {
        List<PublicServiceClient.Item> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            PublicServiceClient.ItemPage answer = publicService.items(true, page, PAGE_SIZE, "code");
            items.addAll(answer.content().stream().filter(PublicServiceClient.Item::global).toList());
            if (answer.page() == null || page + 1 >= answer.page().totalPages()) {
                return List.copyOf(items);
            }
        }
    }

    private Snapshot known() {
        Snapshot known = snapshot;
        if (known == null) {
            known = mongo.findById(SNAPSHOT_ID, Snapshot.class);
            snapshot = known;
        }
        return known;
    }
}
