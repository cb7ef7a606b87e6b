package cn.lishui.police.overseas.portal;

import java.time.Instant;

import cn.lishui.police.platform.delivery.Delivery;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A 全球通办 application made through the portal, kept as the compatriot's own document: what was asked, who
 * asked (the compatriot, or a station's staff under a proxy authority after a video identity check), and the
 * hand-off to public-service ({@code delivery}, the platform's outbox entry) with the exact request body sent
 * on every attempt under the same Idempotency-Key. {@code publicApplicationId} and {@code remoteStatus} are what
 * public-service answered.
 */
@Document("portal_applications")
@CompoundIndexes({
    @CompoundIndex(name = "delivery_due", def = "{'delivery.status': 1, 'delivery.nextAttemptAt': 1}"),
    @CompoundIndex(name = "compatriot_created", def = "{'compatriotId': 1, 'createdAt': -1}"),
    @CompoundIndex(name = "station_created", def = "{'stationId': 1, 'createdAt': -1}")
})
record PortalApplication(@Id String id, String compatriotId, String onBehalfOf, String stationId, String itemCode,
                         String itemName, String submittedBy, boolean byStation, ProxyAuthority proxyAuthority,
                         VideoIdentityCheck videoCheck, String applyJson, Delivery delivery,
                         String publicApplicationId, String remoteStatus, Instant statusCheckedAt,
                         Instant createdAt) {

    /** Where the application stands for the compatriot. */
    enum State { QUEUED, SUBMITTED, REJECTED }

    State state() {
        return switch (delivery.status()) {
            case PENDING -> State.QUEUED;
            case DELIVERED -> State.SUBMITTED;
            case REJECTED -> State.REJECTED;
        };
    }
}
