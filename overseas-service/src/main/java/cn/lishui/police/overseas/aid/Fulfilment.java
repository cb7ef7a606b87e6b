package cn.lishui.police.overseas.aid;

import java.util.Map;

/** How far an aid request is fulfilled, driven by the shipments its station has received. */
public enum Fulfilment {
    NONE, PARTIAL, COMPLETE, CANCELLED;

    /**
     * From what was requested and what was received per item type; a request without items (legal help,
     * documents) is COMPLETE only when the staff say so.
     */
    static Fulfilment of(boolean cancelled, boolean completedByStaff, Map<String, Long> requested,
                         Map<String, Long> received) {
        if (cancelled) {
            return CANCELLED;
        }
        if (requested.isEmpty()) {
            return completedByStaff ? COMPLETE : NONE;
        }
        boolean all = true;
        boolean any = false;
        for (Map.Entry<String, Long> wanted : requested.entrySet()) {
            long got = received.getOrDefault(wanted.getKey(), 0L);
            any |= got > 0;
            all &= got >= wanted.getValue();
        }
        return all ? COMPLETE : any ? PARTIAL : NONE;
    }
}
