package cn.lishui.police.platform.idempotency;

import java.time.Instant;

import cn.lishui.police.platform.mongo.TimeOrderedIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the server remembers of one Idempotency-Key: who used it on which request, and, once the first
 * request finished, the response to replay. Expires {@code fengqiao.idempotency.ttl} after creation
 * (a TTL index, and a check on read for stores that do not expire documents themselves).
 *
 * <p>{@code key} is the SHA-256 of the caller's scope and the Idempotency-Key (unique index); {@code _id} is a
 * time-ordered id, so a claim adds at the right edge of the collection's {@code _id} tree. With the hash as
 * {@code _id} (before session 13, collection {@value #LEGACY_COLLECTION}) every claim and completion read and
 * rewrote a random page of whole records, answers included: on the embedded store that missed its page cache on
 * most keyed creates, and the decoded pages it cached then died in the old generation (docs/benchmarks.md,
 * session 13). Only the unique index on the hash, a few dozen bytes per key, is touched at random now.
 */
@Document(IdempotencyRecord.COLLECTION)
record IdempotencyRecord(
        @Id String id,
        String key,
        String requestHash,
        State state,
        Instant createdAt,
        Integer status,
        String contentType,
        String location,
        byte[] body) {

    static final String COLLECTION = "idempotency_records";
    /** Where records were kept with the hash as {@code _id}; moved into {@link #COLLECTION} at start. */
    static final String LEGACY_COLLECTION = "idempotency_keys";

    enum State { IN_FLIGHT, COMPLETED }

    static IdempotencyRecord inFlight(String key, String requestHash, Instant now) {
        return new IdempotencyRecord(TimeOrderedIds.next(), key, requestHash, State.IN_FLIGHT, now, null, null, null,
                null);
    }
}
