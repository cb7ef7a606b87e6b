package cn.lishui.police.gateway.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kept responses, least recently used first out, within a number of entries and of bytes. Keys are in two
 * steps: the request's own key (route, path, query, language) leads to the request headers the service's last
 * answer for it named in {@code Vary}, whose values complete the key of the stored answer. Operations are a few
 * map lookups under one lock.
 */
final class ResponseStore {

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, StoredResponse> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final LinkedHashMap<String, List<String>> varyNames = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    ResponseStore(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The request headers a stored answer under this request key varies on; null when none was stored yet. */
    synchronized List<String> varyNamesOf(String requestKey) {
        return varyNames.get(requestKey);
    }

    /** The fresh stored answer under this key, or null (a stale one is dropped). */
    synchronized StoredResponse get(String key, long nowNanos) {
        StoredResponse stored = entries.get(key);
        if (stored != null && !stored.isFreshAt(nowNanos)) {
            remove(key);
            return null;
        }
        return stored;
    }

    synchronized void put(String requestKey, String key, StoredResponse response) {
        if (response.size() > maxBytes) {
            return;
        }
        remove(key);
        varyNames.put(requestKey, response.varyNames());
        entries.put(key, response);
        bytes += response.size();
        Iterator<Map.Entry<String, StoredResponse>> eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().size();
            eldest.remove();
        }
        Iterator<String> eldestVary = varyNames.keySet().iterator();
        while (varyNames.size() > maxEntries && eldestVary.hasNext()) {
            eldestVary.next();
            eldestVary.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    private void remove(String key) {
        StoredResponse removed = entries.remove(key);
        if (removed != null) {
            bytes -= removed.size();
        }
    }
}
