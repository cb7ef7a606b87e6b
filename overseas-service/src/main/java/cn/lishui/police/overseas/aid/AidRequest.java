package cn.lishui.police.overseas.aid;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An aid request (援助) of a compatriot or a station. The quantities per item type (keys are ItemType names)
 * move between counters by atomic conditional updates, so none goes negative however many staff act at once:
 * {@code outstanding} (requested, not yet allocated) → {@code unshipped} (allocated, not yet on a shipment) →
 * {@code shipped} (on a live shipment) → {@code received}. {@code revision} grows with each counter change;
 * the fulfilment is written only for the revision it was computed from.
 */
@Document("aid_requests")
@CompoundIndexes({
    @CompoundIndex(name = "station_created", def = "{'stationId': 1, 'createdAt': -1}"),
    @CompoundIndex(name = "requester_created", def = "{'requestedBy': 1, 'createdAt': -1}"),
    @CompoundIndex(name = "fulfilment_created", def = "{'fulfilment': 1, 'createdAt': -1}"),
    @CompoundIndex(name = "created", def = "{'createdAt': -1}")
})
record AidRequest(@Id String id, String stationId, @Indexed String compatriotId, String requestedBy,
                  AidType type, Priority priority, String description, List<ItemLine> items,
                  Map<String, Long> requested, Map<String, Long> outstanding, Map<String, Long> unshipped,
                  Map<String, Long> shipped, Map<String, Long> received, boolean cancelled, boolean completedByStaff,
                  Fulfilment fulfilment, long revision, Instant createdAt, Instant updatedAt) {

    AidRequest {
        items = items == null ? List.of() : List.copyOf(items);
        requested = requested == null ? Map.of() : requested;
        outstanding = outstanding == null ? Map.of() : outstanding;
        unshipped = unshipped == null ? Map.of() : unshipped;
        shipped = shipped == null ? Map.of() : shipped;
        received = received == null ? Map.of() : received;
    }

    Fulfilment computeFulfilment() {
        return Fulfilment.of(cancelled, completedByStaff, requested, received);
    }
}
