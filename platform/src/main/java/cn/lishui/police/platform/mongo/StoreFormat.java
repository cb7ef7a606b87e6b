package cn.lishui.police.platform.mongo;

import java.util.List;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a store file whose documents and index keys were Java-serialised (mongo-java-server's stock H2
 * backend, which the platform used before) to the BSON-typed maps of {@link BsonDatabase}, once, before the
 * server opens it.
 *
 * <p>Each map is copied into {@code $fengqiao.migrating.<name>}, then the old map is removed, the copy takes
 * its name and the map is marked done, all in one commit (the background commit is off meanwhile). A process
 * killed half-way restarts the conversion of the unmarked maps from their intact originals. ({@code $} cannot
 * begin a MongoDB database name, so these names never meet a database's maps.)
 */
final class StoreFormat {

    static final String FORMAT_MAP = "$fengqiao.format";
    private static final String MIGRATING_PREFIX = "$fengqiao.migrating.";
    private static final String FORMAT_KEY = "documents";
    private static final String DONE_PREFIX = "converted:";
    static final int BSON = 2;
    private static final int COPY_COMMIT_EVERY = 2_000;
    private static final Logger log = LoggerFactory.getLogger(StoreFormat.class);

    private StoreFormat() {
    }

    static void upgrade(MVStore store) {
        MVMap<String, Object> format = store.openMap(FORMAT_MAP);
        if (Integer.valueOf(BSON).equals(format.get(FORMAT_KEY))) {
            return;
        }
        List<String> pending = store.getMapNames().stream()
                .filter(StoreFormat::holdsBson)
                .filter(name -> !format.containsKey(DONE_PREFIX + name))
                .toList();
        int autoCommitDelay = store.getAutoCommitDelay();
        store.setAutoCommitDelay(0);
        try {
            for (String name : pending) {
                convert(store, name);
                format.put(DONE_PREFIX + name, BSON);
                store.commit();
            }
            format.put(FORMAT_KEY, BSON);
            format.keySet().stream().filter(key -> key.startsWith(DONE_PREFIX)).toList().forEach(format::remove);
            store.commit();
        } finally {
            store.setAutoCommitDelay(autoCommitDelay);
        }
        if (!pending.isEmpty()) {
            log.info("Embedded MongoDB: converted {} maps of {} to BSON", pending.size(), store.getFileStore());
        }
    }

    /** The maps whose keys or values {@link BsonDatabase} types as BSON: documents and unique indexes. */
    static boolean holdsBson(String name) {
        return !name.startsWith("$") && (name.startsWith(BsonDatabase.DOCUMENTS_PREFIX) || name.contains(BsonDatabase.INDEX_INFIX));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void convert(MVStore store, String name) {
        String copyName = MIGRATING_PREFIX + name;
        if (store.hasMap(copyName)) {
            store.removeMap(copyName);
        }
        MVMap<Object, Object> original = store.openMap(name);
        MVMap.Builder builder = name.startsWith(BsonDatabase.DOCUMENTS_PREFIX) ? BsonDatabase.documentsMap()
                : BsonDatabase.indexMap();
        MVMap<Object, Object> copy = store.openMap(copyName, builder);
        long copied = 0;
        for (Cursor<Object, Object> cursor = original.cursor(null); cursor.hasNext(); ) {
            Object key = cursor.next();
            copy.put(key, cursor.getValue());
            if (++copied % COPY_COMMIT_EVERY == 0) {
                store.commit(); // bounds the memory a big map needs; the original stays until the swap below
            }
        }
        store.removeMap(original);
        store.renameMap(copy, name);
    }
}
