package cn.lishui.police.overseas.aid;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.lishui.police.overseas.access.Staff;
import cn.lishui.police.overseas.compatriot.Compatriots;
import cn.lishui.police.overseas.station.StationRegistry;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.mongo.MongoPages;
import cn.lishui.police.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Aid requests from request to fulfilment: asking, allocating stock, cancelling, and the fulfilment they reach. */
@Service
class AidRequests {

    private static final int FULFILMENT_ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final Inventory inventory;
    private final StationRegistry stations;
    private final Compatriots compatriots;
    private final Clock clock;

    AidRequests(MongoTemplate mongo, Inventory inventory, StationRegistry stations, Compatriots compatriots,
                ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.inventory = inventory;
        this.stations = stations;
        this.compatriots = compatriots;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    AidRequest request(AidCommands.RequestAid command, Caller caller) {
        String stationId;
        String compatriotId;
        if (caller.hasRole("COMPATRIOT") && !Staff.atAStation(caller)) {
            Compatriots.Profile me = compatriots.profileOfCaller(caller);
            stationId = me.stationId();
            compatriotId = me.id();
        } else {
            if (command.stationId() == null || !Staff.ofStation(caller, command.stationId())) {
                throw DomainException.forbidden("FORBIDDEN");
            }
            stationId = command.stationId();
            compatriotId = command.compatriotId() == null ? null
                    : compatriots.profileFor(command.compatriotId(), caller).id();
        }
        stations.requireActive(stationId);
        Map<ItemType, Long> items = ItemLine.merge(command.itemsOrEmpty());
        if (command.type().goods() && items.isEmpty()) {
            throw DomainException.unprocessable("ITEMS_REQUIRED", command.type());
        }
        Map<String, Long> requested = byName(items);
        Instant now = clock.instant();
        AidRequest request = new AidRequest(UUID.randomUUID().toString(), stationId, compatriotId, caller.subject(),
                command.type(), command.priority() == null ? Priority.NORMAL : command.priority(),
                command.description().strip(), items.entrySet().stream()
                        .map(e -> new ItemLine(e.getKey(), e.getValue())).toList(),
                requested, requested, zeros(requested), zeros(requested), zeros(requested), false, false,
                Fulfilment.NONE, 0, now, now);
        return mongo.insert(request);
    }

    AidRequest get(String id, Caller caller) {
        AidRequest request = mongo.findById(id, AidRequest.class);
        if (request == null || !maySee(request, caller)) {
            throw DomainException.notFound("AID_REQUEST_NOT_FOUND", id);
        }
        return request;
    }

    /** The requester's own, a station's for its staff, everything for the home side; newest first. */
    Page<AidRequest> list(Caller caller, String stationId, Fulfilment fulfilment, Pageable pageable) {
        Criteria criteria = new Criteria();
        if (Staff.home(caller) && caller.stationId() == null || Staff.overseeing(caller)) {
            if (stationId != null) {
                criteria.and("stationId").is(stationId);
            }
        } else if (Staff.atAStation(caller)) {
            criteria.and("stationId").is(caller.stationId());
        } else {
            // the compatriot's own requests, and those station staff made for them
            Criteria own = Criteria.where("requestedBy").is(caller.subject());
            criteria = compatriots.registrationOf(caller)
                    .map(id -> new Criteria().orOperator(own, Criteria.where("compatriotId").is(id))).orElse(own);
        }
        if (fulfilment != null) {
            criteria.and("fulfilment").is(fulfilment);
        }
        Query query = Query.query(criteria);
        return MongoPages.find(mongo, query, pageable, Sort.by(Sort.Direction.DESC, "createdAt"), AidRequest.class);
    }

    /**
     * Allocates stock to the request: first taken from stock (atomically, never below zero), then reserved on
     * the request within what it still needs; if the request refuses, the stock is given back.
     */
    AidRequest allocate(String id, AidCommands.Allocate command, Caller caller) {
        AidRequest request = get(id, caller);
        Map<ItemType, Long> items = ItemLine.merge(command.items());
        if (request.cancelled()) {
            throw DomainException.conflict("AID_REQUEST_CANCELLED", id);
        }
        for (Map.Entry<ItemType, Long> line : items.entrySet()) {
            long outstanding = request.outstanding().getOrDefault(line.getKey().name(), -1L);
            if (outstanding < 0) {
                throw DomainException.unprocessable("ITEM_NOT_REQUESTED", line.getKey().name(), id);
            }
            if (outstanding < line.getValue()) {
                throw DomainException.conflict("ALLOCATION_EXCEEDS_REQUEST", line.getKey().name(), outstanding,
                        line.getValue());
            }
        }
        inventory.take(items);
        Criteria guard = Criteria.where("_id").is(id).and("cancelled").is(false);
        Update update = new Update().inc("revision", 1).set("updatedAt", clock.instant());
        items.forEach((type, n) -> {
            guard.and("outstanding." + type.name()).gte(n);
            update.inc("outstanding." + type.name(), -n).inc("unshipped." + type.name(), n);
        });
        AidRequest updated = mongo.findAndModify(Query.query(guard), update,
                FindAndModifyOptions.options().returnNew(true), AidRequest.class);
        if (updated == null) {
            items.forEach(inventory::giveBack);
            AidRequest now = mongo.findById(id, AidRequest.class);
            if (now == null || now.cancelled()) {
                throw DomainException.conflict("AID_REQUEST_CANCELLED", id);
            }
            Map.Entry<ItemType, Long> shortLine = items.entrySet().stream()
                    .filter(e -> now.outstanding().getOrDefault(e.getKey().name(), 0L) < e.getValue())
                    .findFirst().orElseThrow();
            throw DomainException.conflict("ALLOCATION_EXCEEDS_REQUEST", shortLine.getKey().name(),
                    now.outstanding().getOrDefault(shortLine.getKey().name(), 0L), shortLine.getValue());
        }
        mongo.insert(new Allocation(null, id, items.entrySet().stream()
                .map(e -> new ItemLine(e.getKey(), e.getValue())).toList(), caller.subject(), clock.instant()));
        return updated;
    }

    /**
     * Cancels the request: allocated goods not yet shipped go back to stock. Goods already on a shipment arrive
     * anyway; the request stays CANCELLED.
     */
    AidRequest cancel(String id, Caller caller) {
        AidRequest request = get(id, caller);
        if (!caller.subject().equals(request.requestedBy()) && !Staff.ofStation(caller, request.stationId())
                && !Staff.home(caller)) {
            throw DomainException.forbidden("FORBIDDEN");
        }
        if (request.fulfilment() == Fulfilment.COMPLETE) {
            throw DomainException.conflict("AID_REQUEST_COMPLETE", id);
        }
        Update update = new Update().set("cancelled", true).set("fulfilment", Fulfilment.CANCELLED)
                .set("updatedAt", clock.instant()).inc("revision", 1);
        request.requested().keySet().forEach(key -> update.set("unshipped." + key, 0L));
        AidRequest before = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("cancelled").is(false)
                        .and("fulfilment").ne(Fulfilment.COMPLETE)), update,
                FindAndModifyOptions.options().returnNew(false), AidRequest.class);
        if (before == null) {
            AidRequest now = mongo.findById(id, AidRequest.class);
            throw DomainException.conflict(now != null && now.fulfilment() == Fulfilment.COMPLETE
                    ? "AID_REQUEST_COMPLETE" : "AID_REQUEST_CANCELLED", id);
        }
        before.unshipped().forEach((key, n) -> {
            if (n > 0) {
                inventory.giveBack(ItemType.valueOf(key), n);
            }
        });
        return mongo.findById(id, AidRequest.class);
    }

    /** A request without goods (legal help, documents, ...) is completed by the staff who helped. */
    AidRequest complete(String id, Caller caller) {
        AidRequest request = get(id, caller);
        if (!Staff.ofStation(caller, request.stationId()) && !Staff.home(caller)) {
            throw DomainException.forbidden("FORBIDDEN");
        }
        if (!request.requested().isEmpty()) {
            throw DomainException.conflict("AID_REQUEST_HAS_GOODS", id);
        }
        if (request.cancelled()) {
            throw DomainException.conflict("AID_REQUEST_CANCELLED", id);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("cancelled").is(false)),
                new Update().set("completedByStaff", true).set("fulfilment", Fulfilment.COMPLETE)
                        .set("updatedAt", clock.instant()).inc("revision", 1), AidRequest.class);
        return mongo.findById(id, AidRequest.class);
    }

    /**
     * Writes the fulfilment computed from the request's current counters, only if no counter changed meanwhile
     * (the revision); otherwise computes again.
     */
    void refreshFulfilment(String id) {
        for (int attempt = 0; attempt < FULFILMENT_ATTEMPTS; attempt++) {
            AidRequest request = mongo.findById(id, AidRequest.class);
            if (request == null) {
                return;
            }
            Fulfilment fulfilment = request.computeFulfilment();
            if (fulfilment == request.fulfilment()) {
                return;
            }
            long modified = mongo.updateFirst(Query.query(Criteria.where("_id").is(id)
                            .and("revision").is(request.revision())),
                    new Update().set("fulfilment", fulfilment).set("updatedAt", clock.instant()), AidRequest.class)
                    .getModifiedCount();
            if (modified == 1) {
                return;
            }
        }
    }

    /** Counts by fulfilment, every status present (zero when none). */
    Map<Fulfilment, Long> countByFulfilment() {
        Map<Fulfilment, Long> counts = new LinkedHashMap<>();
        for (Fulfilment f : Fulfilment.values()) {
            counts.put(f, mongo.count(Query.query(Criteria.where("fulfilment").is(f)), AidRequest.class));
        }
        return counts;
    }

    private boolean maySee(AidRequest request, Caller caller) {
        return caller.subject().equals(request.requestedBy()) || Staff.ofStation(caller, request.stationId())
                || Staff.home(caller) && caller.stationId() == null || forCaller(request, caller);
    }

    /** A request station staff made for the calling compatriot. */
    private boolean forCaller(AidRequest request, Caller caller) {
        return request.compatriotId() != null && caller.hasRole("COMPATRIOT")
                && compatriots.profile(request.compatriotId()).map(c -> caller.subject().equals(c.subject()))
                .orElse(false);
    }

    private static Map<String, Long> byName(Map<ItemType, Long> items) {
        Map<String, Long> named = new LinkedHashMap<>();
        items.forEach((type, n) -> named.put(type.name(), n));
        return named;
    }

    private static Map<String, Long> zeros(Map<String, Long> like) {
        Map<String, Long> zeros = new LinkedHashMap<>();
        like.keySet().forEach(key -> zeros.put(key, 0L));
        return zeros;
    }

    static List<ItemLine> lines(Map<ItemType, Long> items) {
        return items.entrySet().stream().map(e -> new ItemLine(e.getKey(), e.getValue())).toList();
    }
}
