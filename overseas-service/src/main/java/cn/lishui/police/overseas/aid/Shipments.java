package cn.lishui.police.overseas.aid;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.lishui.police.overseas.access.Staff;
import cn.lishui.police.overseas.station.StationRegistry;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.mongo.MongoPages;
import cn.lishui.police.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Shipments of allocated goods to stations, their tracking, and the receipt that fulfils the requests. */
@Service
class Shipments {

    private final MongoTemplate mongo;
    private final Inventory inventory;
    private final AidRequests requests;
    private final StationRegistry stations;
    private final Clock clock;

    Shipments(MongoTemplate mongo, Inventory inventory, AidRequests requests, StationRegistry stations,
              ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.inventory = inventory;
        this.requests = requests;
        this.stations = stations;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Puts allocated goods of the station's aid requests on a new shipment (IN_PROCESS). Each request gives its
     * goods in one atomic update guarded by what it has allocated and not shipped, so goods are never shipped
     * twice; when one request cannot give, the ones before it get theirs back.
     */
    Shipment create(AidCommands.Ship command, Caller caller) {
        stations.requireActive(command.stationId());
        Map<String, Map<ItemType, Long>> byRequest = new LinkedHashMap<>();
        for (ShipmentLine line : command.lines()) {
            byRequest.computeIfAbsent(line.aidRequestId(), id -> new LinkedHashMap<>())
                    .merge(line.itemType(), line.quantity(), Long::sum);
        }
        for (String id : byRequest.keySet()) {
            AidRequest request = mongo.findById(id, AidRequest.class);
            if (request == null) {
                throw DomainException.unprocessable("AID_REQUEST_NOT_FOUND", id);
            }
            if (!request.stationId().equals(command.stationId())) {
                throw DomainException.unprocessable("AID_REQUEST_OTHER_STATION", id, command.stationId());
            }
            if (request.cancelled()) {
                throw DomainException.conflict("AID_REQUEST_CANCELLED", id);
            }
        }
        Instant now = clock.instant();
        List<String> taken = new ArrayList<>();
        for (Map.Entry<String, Map<ItemType, Long>> entry : byRequest.entrySet()) {
            Criteria guard = Criteria.where("_id").is(entry.getKey()).and("cancelled").is(false);
            Update update = new Update().inc("revision", 1).set("updatedAt", now);
            entry.getValue().forEach((type, n) -> {
                guard.and("unshipped." + type.name()).gte(n);
                update.inc("unshipped." + type.name(), -n).inc("shipped." + type.name(), n);
            });
            if (mongo.updateFirst(Query.query(guard), update, AidRequest.class).getModifiedCount() == 0) {
                taken.forEach(id -> moveBack(id, byRequest.get(id), now));
                throw refusal(entry.getKey(), entry.getValue());
            }
            taken.add(entry.getKey());
        }
        byRequest.values().forEach(items -> items.forEach(inventory::shipped));
        List<ShipmentLine> lines = new ArrayList<>();
        byRequest.forEach((id, items) -> items.forEach((type, n) -> lines.add(new ShipmentLine(id, type, n))));
        Shipment shipment = new Shipment(UUID.randomUUID().toString(), command.stationId(), blank(command.carrier()),
                blank(command.trackingNumber()), lines, ShipmentStatus.IN_PROCESS,
                List.of(new Shipment.TrackingEvent(ShipmentStatus.IN_PROCESS, now, caller.subject(), null)),
                caller.subject(), now, null, null, List.copyOf(byRequest.keySet()), null);
        return mongo.insert(shipment);
    }

    Shipment get(String id, Caller caller) {
        Shipment shipment = mongo.findById(id, Shipment.class);
        if (shipment == null || !(Staff.ofStation(caller, shipment.stationId())
                || Staff.home(caller) && caller.stationId() == null)) {
            throw DomainException.notFound("SHIPMENT_NOT_FOUND", id);
        }
        return shipment;
    }

    Page<Shipment> list(Caller caller, String stationId, ShipmentStatus status, Pageable pageable) {
        Criteria criteria = new Criteria();
        if (Staff.overseeing(caller) || Staff.home(caller) && caller.stationId() == null) {
            if (stationId != null) {
                criteria.and("stationId").is(stationId);
            }
        } else if (Staff.atAStation(caller)) {
            criteria.and("stationId").is(caller.stationId());
        } else {
            throw DomainException.forbidden("FORBIDDEN");
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        Query query = Query.query(criteria);
        return MongoPages.find(mongo, query, pageable, Sort.by(Sort.Direction.DESC, "createdAt"), Shipment.class);
    }

    /**
     * A tracking step. The home side sends, tracks, cancels and calls back; only the receiving station's staff
     * confirm receipt, which moves the goods to the requests' received counts and updates their fulfilment.
     * The status change is saved first under the shipment's version, so a receipt confirmed twice at once
     * counts once (the second is 409 CONCURRENT_MODIFICATION).
     */
    Shipment act(String id, ShipmentStatus.Action action, String note, Caller caller) {
        Shipment shipment = get(id, caller);
        boolean allowed = action == ShipmentStatus.Action.RECEIVE ? Staff.ofStation(caller, shipment.stationId())
                : Staff.home(caller);
        if (!allowed) {
            throw DomainException.forbidden("FORBIDDEN");
        }
        ShipmentStatus next = shipment.status().next(action);
        Instant now = clock.instant();
        Shipment saved = mongo.save(shipment.moved(next, now, caller.subject(), blank(note)));
        switch (next) {
            case RECEIVED -> received(saved, now);
            case CANCELLED -> saved.lines().forEach(line -> {
                Map<ItemType, Long> items = Map.of(line.itemType(), line.quantity());
                if (!moveBack(line.aidRequestId(), items, now)) {
                    // the request was cancelled meanwhile: its goods go back on hand
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(line.aidRequestId())),
                            new Update().inc("shipped." + line.itemType().name(), -line.quantity())
                                    .inc("revision", 1), AidRequest.class);
                    inventory.unshipped(line.itemType(), line.quantity());
                    inventory.giveBack(line.itemType(), line.quantity());
                } else {
                    inventory.unshipped(line.itemType(), line.quantity());
                }
            });
            case RETURNING -> saved.lines().forEach(line -> {
                // the goods come home: the request may be allocated again
                mongo.updateFirst(Query.query(Criteria.where("_id").is(line.aidRequestId())),
                        new Update().inc("shipped." + line.itemType().name(), -line.quantity())
                                .inc("outstanding." + line.itemType().name(), line.quantity())
                                .inc("revision", 1).set("updatedAt", now), AidRequest.class);
                inventory.returning(line.itemType(), line.quantity());
            });
            default -> {
                // SENT, IN_TRANSIT: tracking only
            }
        }
        return saved;
    }

    private void received(Shipment shipment, Instant now) {
        for (ShipmentLine line : shipment.lines()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(line.aidRequestId())),
                    new Update().inc("shipped." + line.itemType().name(), -line.quantity())
                            .inc("received." + line.itemType().name(), line.quantity())
                            .inc("revision", 1).set("updatedAt", now), AidRequest.class);
            inventory.received(line.itemType(), line.quantity());
        }
        shipment.aidRequestIds().forEach(requests::refreshFulfilment);
    }

    /** Shipped goods of a request back to allocated-not-shipped, unless the request was cancelled. */
    private boolean moveBack(String requestId, Map<ItemType, Long> items, Instant now) {
        Update update = new Update().inc("revision", 1).set("updatedAt", now);
        items.forEach((type, n) -> update.inc("shipped." + type.name(), -n).inc("unshipped." + type.name(), n));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId).and("cancelled").is(false)), update,
                AidRequest.class).getModifiedCount() == 1;
    }

    private DomainException refusal(String requestId, Map<ItemType, Long> items) {
        AidRequest now = mongo.findById(requestId, AidRequest.class);
        if (now == null || now.cancelled()) {
            return DomainException.conflict("AID_REQUEST_CANCELLED", requestId);
        }
        Map.Entry<ItemType, Long> shortLine = items.entrySet().stream()
                .filter(e -> now.unshipped().getOrDefault(e.getKey().name(), 0L) < e.getValue())
                .findFirst().orElse(items.entrySet().iterator().next());
        return DomainException.conflict("SHIPMENT_EXCEEDS_ALLOCATION", shortLine.getKey().name(),
                now.unshipped().getOrDefault(shortLine.getKey().name(), 0L), shortLine.getValue(), requestId);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
