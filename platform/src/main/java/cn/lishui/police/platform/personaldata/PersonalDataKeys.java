package cn.lishui.police.platform.personaldata;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that protect personal data: AES-256 encryption keys by id (one active, older ones kept to
 * read what they encrypted until rotation has re-encrypted it) and the HMAC key of the blind index.
 */
public final class PersonalDataKeys {

    private final String activeKeyId;
    private final Map<String, SecretKey> encryptionKeys;
    private final SecretKey blindIndexKey;

    public PersonalDataKeys(String activeKeyId, Map<String, String> base64Keys, String base64BlindIndexKey) {
        if (activeKeyId == null || base64Keys == null || !base64Keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("fengqiao.personal-data: the active key id must name one of the keys");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        base64Keys.forEach((id, encoded) -> keys.put(id, aesKey(id, encoded)));
        this.activeKeyId = activeKeyId;
        this.encryptionKeys = Map.copyOf(keys);
        byte[] hmac = Base64.getDecoder().decode(required(base64BlindIndexKey, "blind-index-key"));
        if (hmac.length < 32) {
            throw new IllegalStateException("fengqiao.personal-data.blind-index-key must be at least 32 bytes");
        }
        this.blindIndexKey = new SecretKeySpec(hmac, "HmacSHA256");
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** The ids of every configured encryption key, the active one among them, in order. */
    public SortedSet<String> keyIds() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(encryptionKeys.keySet()));
    }

    SecretKey activeKey() {
        return encryptionKeys.get(activeKeyId);
    }

    SecretKey key(String keyId) {
        SecretKey key = encryptionKeys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("No personal-data key with id " + keyId + " is configured");
        }
        return key;
    }

    SecretKey blindIndexKey() {
        return blindIndexKey;
    }

    private static SecretKey aesKey(String id, String encoded) {
        byte[] key = Base64.getDecoder().decode(required(encoded, "keys." + id));
        if (key.length != 32) {
            throw new IllegalStateException("fengqiao.personal-data.keys." + id + " must be 32 bytes (AES-256)");
        }
        return new SecretKeySpec(key, "AES");
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("fengqiao.personal-data." + name + " is not set");
        }
        return value;
    }
}
