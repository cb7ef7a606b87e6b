package cn.lishui.police.overseas.aid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A shipment (发运) of allocated goods to one station, with its tracking history. */
@Document("shipments")
@CompoundIndexes({
    @CompoundIndex(name = "station_created", def = "{'stationId': 1, 'createdAt': -1}"),
    @CompoundIndex(name = "status_created", def = "{'status': 1, 'createdAt': -1}")
})
record Shipment(@Id String id, String stationId, String carrier, String trackingNumber, List<ShipmentLine> lines,
                ShipmentStatus status, List<TrackingEvent> tracking, String createdBy, Instant createdAt,
                String receivedBy, Instant receivedAt, @Indexed(name = "lines_request") List<String> aidRequestIds,
                @Version Long version) {

    record TrackingEvent(ShipmentStatus status, Instant at, String by, String note) {
    }

    Shipment {
        lines = lines == null ? List.of() : List.copyOf(lines);
        tracking = tracking == null ? List.of() : List.copyOf(tracking);
        aidRequestIds = aidRequestIds == null ? List.of() : List.copyOf(aidRequestIds);
    }

    Shipment moved(ShipmentStatus next, Instant at, String by, String note) {
        List<TrackingEvent> events = new ArrayList<>(tracking);
        events.add(new TrackingEvent(next, at, by, note));
        boolean receipt = next == ShipmentStatus.RECEIVED;
        return new Shipment(id, stationId, carrier, trackingNumber, lines, next, events, createdBy, createdAt,
                receipt ? by : receivedBy, receipt ? at : receivedAt, aidRequestIds, version);
    }
}
