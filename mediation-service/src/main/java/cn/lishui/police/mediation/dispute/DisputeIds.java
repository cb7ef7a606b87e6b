package cn.lishui.police.mediation.dispute;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Dispute ids: UUIDs laid out as version 7 (RFC 9562: 48 bits of Unix milliseconds, then a counter and random
 * bits), increasing within this process, so a new dispute's id sorts after every earlier one. Stores keep the
 * disputes in an {@code _id} B-tree: increasing ids add at its right edge, so a write rewrites a page or two
 * there, where random ids (version 4) touch pages all over the tree; the embedded store, which writes whole
 * pages back at every commit, slowed down with the number of disputes that way. The text form is an ordinary
 * UUID, and lexical order is creation order.
 */
final class DisputeIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Milliseconds in the top 48 bits, then 12 bits of sequence within the millisecond (rand_a). */
    private static long last;

    private DisputeIds() {
    }

    static String next() {
        long time = System.currentTimeMillis() << 12;
        long stamp;
        synchronized (DisputeIds.class) {
            // the clock may stand still or step back: keep increasing from the last id
            stamp = Math.max(time, last + 1);
            last = stamp;
        }
        long most = (stamp >>> 12) << 16 | 0x7000L | (stamp & 0xFFFL);
        long least = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(most, least).toString();
    }
}
