package cn.lishui.police.platform.personaldata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Re-seals stored personal data under the active key after a key rotation, in the background and in
 * small batches. Each value is replaced only if it is still the one that was read (a conditional
 * update on its key id and ciphertext), so a concurrent write is never overwritten. The fields to
 * sweep are the service's {@code fengqiao.personal-data.fields}: {@code collection:path} pairs such as
 * {@code residents:idCard} or {@code users:contact.phone}. A path may pass through one array, marked
 * {@code []}: {@code disputes:parties[].phone} re-seals the phone of every party; the document's whole
 * array is then replaced only if the array is still the one that was read.
 *
 * <p>A sweep reads every document of the collection (a query on a value's key id has no index; on the embedded
 * store it holds the collection while requests wait: 74 s for 100,000 disputes). So each field keeps a marker in
 * {@value #MARKERS}: the key set (active key and every configured key id) under which a sweep last found the
 * field with no value left under another key, and when. A pass skips a field whose marker is <em>confirmed</em>
 * for the key set configured now; a change of the active key, or a key added or removed, sweeps again. A marker
 * is confirmed by a finished sweep whose last query (the one that found nothing stale left) began at least
 * {@code settle} after the first finished sweep under the same keys: on a store that other processes write too
 * (replicas on a real MongoDB, one of them perhaps still on the old active key while a rolling restart goes on),
 * whatever they sealed under an older key before that later sweep is found by it. On the embedded store, which only this process writes (the file is locked),
 * {@code settle} is zero and the first finished sweep confirms. A sweep that could not finish (a value under a key
 * no longer configured, a value that kept changing under it) leaves no marker: the next pass sweeps again, so a
 * field is never marked while a value under a retired key is left in it.
 */
public final class PersonalDataRotation {

    /** The collection of the markers, one document per {@code collection:path}. */
    public static final String MARKERS = "personal_data_rotations";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRotation.class);
    private static final int BATCH = 200;

    /**
     * What a sweep of one field did: how many values it re-sealed and, if it finished, when its last query (the
     * one that found no stale value left) began; {@code null} if it could not finish.
     */
    private record Sweep(int rotated, Instant cleanAt) {
    }

    private final MongoTemplate mongo;
    private final PersonalDataProtector protector;
    private final PersonalDataKeys keys;
    private final List<String> fields;
    private final Duration settle;
    private final Clock clock;

    /** For a store only this process writes (the embedded default, tests): the first finished sweep confirms. */
    public PersonalDataRotation(MongoTemplate mongo, PersonalDataProtector protector, PersonalDataKeys keys,
                                List<String> fields) {
        this(mongo, protector, keys, fields, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * @param settle how long after a first finished sweep another one must find nothing stale to confirm a field's
     *               marker: the rotation interval where other processes write the same store, zero where none does
     */
    public PersonalDataRotation(MongoTemplate mongo, PersonalDataProtector protector, PersonalDataKeys keys,
                                List<String> fields, Duration settle, Clock clock) {
        this.mongo = mongo;
        this.protector = protector;
        this.keys = keys;
        this.fields = List.copyOf(fields);
        this.settle = settle;
        this.clock = clock;
    }

    /**
     * One pass over every configured field: a sweep of each field whose marker is not confirmed for the keys
     * configured now; returns how many values were re-sealed.
     */
    public int rotateAll() {
        int total = 0;
        for (String field : fields) {
            String[] parts = field.split(":", 2);
            if (parts.length != 2) {
                throw new IllegalStateException("fengqiao.personal-data.fields entries are collection:path, got " + field);
            }
            Document marker = mongo.findById(field, Document.class, MARKERS);
            boolean sameKeys = marker != null && keys.activeKeyId().equals(marker.getString("activeKeyId"))
                    && List.copyOf(keys.keyIds()).equals(marker.getList("keyIds", String.class));
            if (sameKeys && Boolean.TRUE.equals(marker.getBoolean("confirmed"))) {
                continue;
            }
            int array = parts[1].indexOf("[].");
            Sweep sweep = array < 0 ? rotate(parts[0], parts[1])
                    : rotateInArray(parts[0], parts[1].substring(0, array), parts[1].substring(array + 3));
            total += sweep.rotated();
            if (sweep.cleanAt() != null) {
                mark(field, sameKeys ? marker : null, sweep.cleanAt());
            }
        }
        if (total > 0) {
            log.info("Re-sealed {} personal-data values under key {}", total, keys.activeKeyId());
        }
        return total;
    }

    /**
     * Records a finished sweep of {@code field}: {@code cleanSince} is when the first of the finished sweeps in a
     * row under these keys found nothing stale left; the marker is confirmed once a finished sweep's last query
     * began at least {@code settle} after that.
     */
    private void mark(String field, Document previous, Instant cleanAt) {
        Date cleanSince = previous != null && previous.getDate("cleanSince") != null ? previous.getDate("cleanSince")
                : Date.from(cleanAt);
        boolean confirmed = !Duration.between(cleanSince.toInstant(), cleanAt).minus(settle).isNegative();
        mongo.save(new Document("_id", field).append("activeKeyId", keys.activeKeyId())
                .append("keyIds", List.copyOf(keys.keyIds())).append("cleanSince", cleanSince)
                .append("confirmed", confirmed).append("sweptAt", Date.from(cleanAt)), MARKERS);
    }

    private Sweep rotate(String collection, String path) {
        int rotated = 0;
        while (true) {
            Query stale = Query.query(Criteria.where(path + ".keyId").exists(true).ne(keys.activeKeyId())).limit(BATCH);
            stale.fields().include(path);
            Instant asked = clock.instant();
            List<Document> batch = mongo.find(stale, Document.class, collection);
            if (batch.isEmpty()) {
                return new Sweep(rotated, asked);
            }
            int before = rotated;
            for (Document document : batch) {
                ProtectedValue old = sealedValue((Document) valueAt(document, path));
                ProtectedValue fresh = protector.rotate(old);
                Query unchanged = Query.query(Criteria.where("_id").is(document.get("_id"))
                        .and(path + ".keyId").is(old.keyId()).and(path + ".ciphertext").is(old.ciphertext()));
                rotated += (int) mongo.updateFirst(unchanged, new Update().set(path + ".keyId", fresh.keyId())
                        .set(path + ".ciphertext", fresh.ciphertext()), collection).getModifiedCount();
            }
            if (rotated == before) {
                return new Sweep(rotated, null); // everything left changed under us; the next sweep picks it up
            }
        }
    }

    /**
     * Re-seals {@code inner} of each element of the array at {@code arrayPath}. A document is picked
     * while one of its elements is sealed under another key; its array is replaced as a whole, on the
     * condition that it is unchanged since it was read.
     */
    private Sweep rotateInArray(String collection, String arrayPath, String inner) {
        int rotated = 0;
        Criteria staleElement = Criteria.where(inner + ".keyId").exists(true).ne(keys.activeKeyId());
        while (true) {
            Query stale = Query.query(Criteria.where(arrayPath).elemMatch(staleElement)).limit(BATCH);
            stale.fields().include(arrayPath);
            Instant asked = clock.instant();
            List<Document> batch = mongo.find(stale, Document.class, collection);
            if (batch.isEmpty()) {
                return new Sweep(rotated, asked);
            }
            int before = rotated;
            for (Document document : batch) {
                @SuppressWarnings("unchecked")
                List<Object> elements = (List<Object>) valueAt(document, arrayPath);
                List<Object> resealed = new ArrayList<>(elements.size());
                int changed = 0;
                for (Object element : elements) {
                    Document sealed = element instanceof Document party && valueAt(party, inner) instanceof Document value
                            ? value : null;
                    if (sealed == null || keys.activeKeyId().equals(sealed.getString("keyId"))) {
                        resealed.add(element);
                        continue;
                    }
                    ProtectedValue fresh = protector.rotate(sealedValue(sealed));
                    Document copy = deepCopy((Document) element);
                    Document target = (Document) valueAt(copy, inner);
                    target.put("keyId", fresh.keyId());
                    target.put("ciphertext", fresh.ciphertext());
                    resealed.add(copy);
                    changed++;
                }
                Query unchanged = Query.query(Criteria.where("_id").is(document.get("_id")).and(arrayPath).is(elements));
                if (mongo.updateFirst(unchanged, new Update().set(arrayPath, resealed), collection).getModifiedCount() > 0) {
                    rotated += changed;
                }
            }
            if (rotated == before) {
                return new Sweep(rotated, null); // everything left changed under us; the next sweep picks it up
            }
        }
    }

    private static Document deepCopy(Document document) {
        Document copy = new Document();
        document.forEach((key, value) -> copy.put(key, deepCopyOf(value)));
        return copy;
    }

    private static Object deepCopyOf(Object value) {
        if (value instanceof Document document) {
            return deepCopy(document);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PersonalDataRotation::deepCopyOf).toList();
        }
        return value;
    }

    private static ProtectedValue sealedValue(Document sealed) {
        return new ProtectedValue(PersonalDataKind.valueOf(sealed.getString("kind")), sealed.getString("keyId"),
                sealed.getString("ciphertext"), sealed.getString("blindIndex"), sealed.getString("masked"));
    }

    private static Object valueAt(Document document, String path) {
        Object current = document;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Document level)) {
                return null;
            }
            current = level.get(step);
        }
        return current;
    }
}
