package cn.lishui.police.overseas.aid;

import java.time.Instant;
import java.util.List;

/** An aid request as the API shows it: per item type what was asked, allocated, shipped and received. */
record AidRequestView(String id, String stationId, String compatriotId, AidType type, Priority priority,
                      String description, Fulfilment fulfilment, List<Line> items, Instant createdAt,
                      Instant updatedAt) {

    record Line(ItemType itemType, long requested, long allocated, long shipped, long received) {
    }

    static AidRequestView of(AidRequest r) {
        List<Line> lines = r.requested().keySet().stream().map(key -> {
            long requested = r.requested().get(key);
            long shipped = r.shipped().getOrDefault(key, 0L);
            long received = r.received().getOrDefault(key, 0L);
            long allocated = r.unshipped().getOrDefault(key, 0L) + shipped + received;
            return new Line(ItemType.valueOf(key), requested, allocated, shipped, received);
        }).toList();
        return new AidRequestView(r.id(), r.stationId(), r.compatriotId(), r.type(), r.priority(), r.description(),
                r.fulfilment(), lines, r.createdAt(), r.updatedAt());
    }
}
