package cn.lishui.police.publicservice.proxy;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A compatriot's authorisation (代办委托) for an overseas station (警侨驿站) to apply on their behalf for the
 * listed global items until {@code validUntil}.
 */
@Document("proxies")
@CompoundIndex(name = "compatriot_station", def = "{'compatriotId': 1, 'stationId': 1}")
record Proxy(@Id String id, String compatriotId, String stationId, List<String> itemCodes, Instant validUntil,
             @CreatedDate Instant createdAt) {

    /** Whether this proxy lets {@code stationId} apply for {@code itemCode} at {@code now}. */
    boolean covers(String stationId, String itemCode, Instant now) {
        return this.stationId.equals(stationId) && itemCodes.contains(itemCode) && now.isBefore(validUntil);
    }
}
