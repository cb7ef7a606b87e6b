package cn.lishui.police.grid.incident;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The {@link IncidentTally}'s rows, one per incident, in parallel primitive arrays: 60–70 bytes an incident
 * (room to grow included) where a map of id strings to row objects took about 190 (a heap histogram of
 * grid-service after the harness's keyed runs, ~150,000 incidents: ~29 MB of its 105 MB live set before).
 *
 * <p>An id in the canonical lower-case text form of a UUID (what {@code TimeOrderedIds} and the demo set write)
 * is kept as its two longs, found through an open-addressing table of row numbers; any other id (a raw write,
 * a test's) in a map beside it. County and village codes are numbers into a dictionary of the codes seen.
 *
 * <p>Not thread-safe: {@link IncidentTally} guards it. {@link #iterator()} hands out one cursor that moves
 * from row to row, so a {@link IncidentTally.Row} it returned is only valid until the next {@code next()}.
 */
final class TallyRows implements Iterable<IncidentTally.Row> {

    private static final int NO_CATEGORY = 0x0F;
    private static final int CRIMINAL = 0x10;
    private static final int SOLVED = 0x20;
    private static final int BY_STATION = 0x40;
    private static final int NOT_A_UUID = 0x80;
    private static final int UNKNOWN_SECONDS = Integer.MIN_VALUE;
    private static final String[] NO_CODES = {};

    static {
        if (IncidentCategory.values().length >= NO_CATEGORY) {
            throw new ExceptionInInitializerError("a category ordinal no longer fits in the low 4 bits of a row's flags");
        }
    }

    private int size;
    private long[] idHigh;
    private long[] idLow;
    private long[] reportedAt;
    private int[] dispatchSeconds;
    private int[] arrivalSeconds;
    private int[] version;
    private int[] county;
    private int[] village;
    /** Category ordinal (low 4 bits, {@link #NO_CATEGORY} for none) and the flags above. */
    private byte[] flags;
    /** Row number + 1 by hash of a UUID id, 0 for a free slot; never more than half full. */
    private int[] uuidIndex;
    private final Map<String, Integer> otherIds = new HashMap<>();
    private final Map<String, Integer> codeNumbers = new HashMap<>();
    private String[] codes = NO_CODES;

    TallyRows(int expected) {
        int capacity = Math.max(16, expected);
        idHigh = new long[capacity];
        idLow = new long[capacity];
        reportedAt = new long[capacity];
        dispatchSeconds = new int[capacity];
        arrivalSeconds = new int[capacity];
        version = new int[capacity];
        county = new int[capacity];
        village = new int[capacity];
        flags = new byte[capacity];
        uuidIndex = new int[tableSize(capacity)];
    }

    int size() {
        return size;
    }

    /** Stores the incident's row unless the row held for its id is of a later version. */
    void put(String id, IncidentTally.Entry entry) {
        long high = 0;
        long low = 0;
        boolean uuid = isCanonicalUuid(id);
        int row;
        int slot = -1;
        if (uuid) {
            high = hexLong(id, 0, 8) << 32 | hexLong(id, 9, 13) << 16 | hexLong(id, 14, 18);
            low = hexLong(id, 19, 23) << 48 | hexLong(id, 24, 36);
            slot = findSlot(high, low);
            row = uuidIndex[slot] - 1;
        } else {
            row = otherIds.getOrDefault(id, -1);
        }
        if (row >= 0) {
            if (entry.version() < version[row]) {
                return;
            }
        } else {
            if (size == flags.length) {
                grow();
                if (uuid) {
                    slot = findSlot(high, low);
                }
            }
            row = size++;
            idHigh[row] = high;
            idLow[row] = low;
            if (uuid) {
                uuidIndex[slot] = row + 1;
            } else {
                otherIds.put(id, row);
            }
        }
        reportedAt[row] = entry.reportedAtMillis();
        dispatchSeconds[row] = seconds(entry.dispatchSeconds());
        arrivalSeconds[row] = seconds(entry.arrivalSeconds());
        version[row] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, entry.version()));
        county[row] = code(entry.countyCode());
        village[row] = code(entry.villageCode());
        int category = entry.categoryIndex();
        flags[row] = (byte) ((category < 0 ? NO_CATEGORY : category) | (entry.criminal() ? CRIMINAL : 0)
                | (entry.solved() ? SOLVED : 0) | (entry.solvedByStation() ? BY_STATION : 0) | (uuid ? 0 : NOT_A_UUID));
    }

    /**
     * Copies into {@code fresh} each row of this one that {@code fresh} also holds at an earlier version: a reload
     * keeps what this process wrote while it read the store, and drops incidents the store no longer has.
     */
    void keepNewerIn(TallyRows fresh) {
        for (int row = 0; row < size; row++) {
            if ((flags[row] & NOT_A_UUID) != 0) {
                continue;
            }
            int other = fresh.uuidIndex[fresh.findSlot(idHigh[row], idLow[row])] - 1;
            if (other >= 0 && version[row] > fresh.version[other]) {
                fresh.copyRow(other, this, row);
            }
        }
        otherIds.forEach((id, row) -> {
            Integer other = fresh.otherIds.get(id);
            if (other != null && version[row] > fresh.version[other]) {
                fresh.copyRow(other, this, row);
            }
        });
    }

    private void copyRow(int to, TallyRows from, int row) {
        reportedAt[to] = from.reportedAt[row];
        dispatchSeconds[to] = from.dispatchSeconds[row];
        arrivalSeconds[to] = from.arrivalSeconds[row];
        version[to] = from.version[row];
        county[to] = code(from.codeAt(from.county[row]));
        village[to] = code(from.codeAt(from.village[row]));
        flags[to] = from.flags[row];
    }

    @Override
    public Iterator<IncidentTally.Row> iterator() {
        return new Cursor();
    }

    /** The slot of this UUID in {@link #uuidIndex}: the one holding its row, or the free one it would take. */
    private int findSlot(long high, long low) {
        int mask = uuidIndex.length - 1;
        long mixed = (high ^ low) * 0x9E3779B97F4A7C15L;
        int slot = (int) (mixed >>> 32) & mask;
        while (true) {
            int row = uuidIndex[slot] - 1;
            if (row < 0 || idHigh[row] == high && idLow[row] == low) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        int capacity = flags.length + (flags.length >> 1);
        idHigh = Arrays.copyOf(idHigh, capacity);
        idLow = Arrays.copyOf(idLow, capacity);
        reportedAt = Arrays.copyOf(reportedAt, capacity);
        dispatchSeconds = Arrays.copyOf(dispatchSeconds, capacity);
        arrivalSeconds = Arrays.copyOf(arrivalSeconds, capacity);
        version = Arrays.copyOf(version, capacity);
        county = Arrays.copyOf(county, capacity);
        village = Arrays.copyOf(village, capacity);
        flags = Arrays.copyOf(flags, capacity);
        if (tableSize(capacity) > uuidIndex.length) {
            uuidIndex = new int[tableSize(capacity)];
            for (int row = 0; row < size; row++) {
                if ((flags[row] & NOT_A_UUID) == 0) {
                    uuidIndex[findSlot(idHigh[row], idLow[row])] = row + 1;
                }
            }
        }
    }

    /** A power of two at least twice the rows. */
    private static int tableSize(int rows) {
        return Integer.highestOneBit(Math.max(16, rows) * 2 - 1) << 1;
    }

    private int code(String value) {
        if (value == null) {
            return -1;
        }
        Integer number = codeNumbers.get(value);
        if (number == null) {
            number = codeNumbers.size();
            codeNumbers.put(value, number);
            if (number == codes.length) {
                codes = Arrays.copyOf(codes, Math.max(64, codes.length * 2));
            }
            codes[number] = value;
        }
        return number;
    }

    private String codeAt(int number) {
        return number < 0 ? null : codes[number];
    }

    private static int seconds(long value) {
        if (value == IncidentTally.UNKNOWN) {
            return UNKNOWN_SECONDS;
        }
        return (int) Math.max(UNKNOWN_SECONDS + 1L, Math.min(Integer.MAX_VALUE, value));
    }

    private static long seconds(int value) {
        return value == UNKNOWN_SECONDS ? IncidentTally.UNKNOWN : value;
    }

    /** {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} in lower-case hex: the only text form kept as two longs. */
    static boolean isCanonicalUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static long hexLong(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value << 4 | Character.digit(text.charAt(i), 16);
        }
        return value;
    }

    private final class Cursor implements Iterator<IncidentTally.Row>, IncidentTally.Row {

        private int row = -1;

        @Override
        public boolean hasNext() {
            return row + 1 < size;
        }

        @Override
        public IncidentTally.Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            row++;
            return this;
        }

        @Override
        public String countyCode() {
            return codeAt(county[row]);
        }

        @Override
        public String villageCode() {
            return codeAt(village[row]);
        }

        @Override
        public int categoryIndex() {
            int category = flags[row] & NO_CATEGORY;
            return category == NO_CATEGORY ? -1 : category;
        }

        @Override
        public boolean criminal() {
            return (flags[row] & CRIMINAL) != 0;
        }

        @Override
        public boolean solved() {
            return (flags[row] & SOLVED) != 0;
        }

        @Override
        public boolean solvedByStation() {
            return (flags[row] & BY_STATION) != 0;
        }

        @Override
        public long reportedAtMillis() {
            return reportedAt[row];
        }

        @Override
        public long dispatchSeconds() {
            return seconds(dispatchSeconds[row]);
        }

        @Override
        public long arrivalSeconds() {
            return seconds(arrivalSeconds[row]);
        }
    }
}
