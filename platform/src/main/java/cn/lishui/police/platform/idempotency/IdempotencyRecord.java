package cn.lishui.police.platform.idempotency;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the server remembers of one Idempotency-Key: who used it on which request, and, once the first
 * request finished, the response to replay. Expires {@code fengqiao.idempotency.ttl} after creation
 * (a TTL index, and a check on read for stores that do not expire documents themselves).
 */
@Document(IdempotencyRecord.COLLECTION)
record IdempotencyRecord(
        @Id String id,
        String requestHash,
        State state,
        Instant createdAt,
        Integer status,
        String contentType,
        String location,
        byte[] body) {

    static final String COLLECTION = "idempotency_keys";

    enum State { IN_FLIGHT, COMPLETED }

    static IdempotencyRecord inFlight(String id, String requestHash, Instant now) {
        return new IdempotencyRecord(id, requestHash, State.IN_FLIGHT, now, null, null, null, null);
    }
}
