package cn.lishui.police.platform.personaldata;

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
 * {@code residents:idCard} or {@code users:contact.phone}.
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
            total += rotate(parts[0], parts[1]);
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
                Document sealed = valueAt(document, path);
                ProtectedValue old = new ProtectedValue(PersonalDataKind.valueOf(sealed.getString("kind")),
                        sealed.getString("keyId"), sealed.getString("ciphertext"), sealed.getString("blindIndex"),
                        sealed.getString("masked"));
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

    private static Document valueAt(Document document, String path) {
        Object current = document;
        for (String step : path.split("\\.")) {
            current = ((Document) current).get(step);
        }
        return (Document) current;
    }
}
