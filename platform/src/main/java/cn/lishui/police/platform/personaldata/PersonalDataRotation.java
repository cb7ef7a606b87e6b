package cn.lishui.police.platform.personaldata;

import java.util.ArrayList;
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
 */
public final class PersonalDataRotation {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRotation.class);
    private static final int BATCH = 200;

    private final MongoTemplate mongo;
    private final PersonalDataProtector protector;
    private final PersonalDataKeys keys;
    private final List<String> fields;

    public PersonalDataRotation(MongoTemplate mongo, PersonalDataProtector protector, PersonalDataKeys keys,
                                List<String> fields) {
        this.mongo = mongo;
        this.protector = protector;
        this.keys = keys;
        this.fields = List.copyOf(fields);
    }

    /** One sweep over every configured field; returns how many values were re-sealed. */
    public int rotateAll() {
        int total = 0;
        for (String field : fields) {
            String[] parts = field.split(":", 2);
            if (parts.length != 2) {
                throw new IllegalStateException("fengqiao.personal-data.fields entries are collection:path, got " + field);
            }
            int array = parts[1].indexOf("[].");
            total += array < 0 ? rotate(parts[0], parts[1])
                    : rotateInArray(parts[0], parts[1].substring(0, array), parts[1].substring(array + 3));
        }
        if (total > 0) {
            log.info("Re-sealed {} personal-data values under key {}", total, keys.activeKeyId());
        }
        return total;
    }

    private int rotate(String collection, String path) {
        int rotated = 0;
        while (true) {
            Query stale = Query.query(Criteria.where(path + ".keyId").exists(true).ne(keys.activeKeyId())).limit(BATCH);
            stale.fields().include(path);
            List<Document> batch = mongo.find(stale, Document.class, collection);
            if (batch.isEmpty()) {
                return rotated;
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
                return rotated; // everything left changed under us; the next sweep picks it up
            }
        }
    }

    /**
     * Re-seals {@code inner} of each element of the array at {@code arrayPath}. A document is picked
     * while one of its elements is sealed under another key; its array is replaced as a whole, on the
     * condition that it is unchanged since it was read.
     */
    private int rotateInArray(String collection, String arrayPath, String inner) {
        int rotated = 0;
        Criteria staleElement = Criteria.where(inner + ".keyId").exists(true).ne(keys.activeKeyId());
        while (true) {
            Query stale = Query.query(Criteria.where(arrayPath).elemMatch(staleElement)).limit(BATCH);
            stale.fields().include(arrayPath);
            List<Document> batch = mongo.find(stale, Document.class, collection);
            if (batch.isEmpty()) {
                return rotated;
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
                return rotated; // everything left changed under us; the next sweep picks it up
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
