package cn.lishui.police.gateway.cache;

import java.util.List;

import org.springframework.http.HttpHeaders;

/**
 * A service's 200 answer as the cache keeps it: the headers the service sent (after the gateway's response
 * header filters; none of the gateway's own), the body, and when it was received and goes stale.
 *
 * @param varyNames   the request headers the service named in {@code Vary}, lower-case
 * @param initialAge  the {@code Age} it arrived with, in seconds
 */
record StoredResponse(HttpHeaders headers, byte[] body, List<String> varyNames, long receivedAtNanos,
                      long expiresAtNanos, long initialAge, long size) {

    boolean isFreshAt(long nanos) {
        return nanos - expiresAtNanos < 0;
    }

    /** The {@code Age} to send now (RFC 9111 §4.2.3, without clock skew: one process). */
    long ageAt(long nanos) {
        return initialAge + Math.max(0, (nanos - receivedAtNanos) / 1_000_000_000L);
    }

    String etag() {
        return headers.getFirst(HttpHeaders.ETAG);
    }
}
