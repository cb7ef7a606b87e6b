package cn.lishui.police.platform.mongo;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Document ids that increase with time: UUIDs laid out as version 7 (RFC 9562: 48 bits of Unix milliseconds,
 * then a counter and random bits), increasing within this process. A store keeps a collection in an {@code _id}
 * B-tree; increasing ids add at its right edge, so a commit rewrites a page or two there, where random ids
 * (version 4) touch a different page for every new document, and the embedded store writes every touched page
 * back at each commit. The text form is an ordinary UUID, and lexical order is creation order.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Milliseconds in the top 48 bits, then 12 bits of sequence within the millisecond (rand_a). */
    private static long last;

    private TimeOrderedIds() {
    }

    public static String next() {
        long time = System.currentTimeMillis() << 12;
        long stamp;
        synchronized (TimeOrderedIds.class) {
            // the clock may stand still or step back: keep increasing from the last id
            stamp = Math.max(time, last + 1);
            last = stamp;
        }
        long most = (stamp >>> 12) << 16 | 0x7000L | (stamp & 0xFFFL);
        long least = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(most, least).toString();
    }
}
