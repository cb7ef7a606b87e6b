package cn.lishui.police.overseas.portal;

import java.time.Instant;

import cn.lishui.police.platform.delivery.Delivery;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A family-care visit (亲情关爱走访) a compatriot asked for: handed to the home village's grid officer through
 * grid-service (contract 3) with this document's id as requestRef and a key of its own, so grid-service keeps
 * one visit however often it is sent. {@code gridVisitId}, {@code visitStatus} and the officer are what
 * grid-service answered last.
 */
@Document("care_visits")
@CompoundIndexes({
    @CompoundIndex(name = "delivery_due", def = "{'delivery.status': 1, 'delivery.nextAttemptAt': 1}"),
    @CompoundIndex(name = "compatriot_created", def = "{'compatriotId': 1, 'createdAt': -1}"),
    @CompoundIndex(name = "station_created", def = "{'stationId': 1, 'createdAt': -1}")
})
record CareVisit(@Id String id, String compatriotId, String stationId, String villageCode, String familyMembers,
                 String note, String requestedBy, String askedBy, Delivery delivery, String gridVisitId,
                 String visitStatus, String officerName, Instant visitedAt, String result, Instant checkedAt,
                 Instant createdAt) {
}
