package cn.lishui.police.platform.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals personal identifiers for storage (AES-256-GCM with a random 96-bit IV, the kind bound in as
 * associated data so a ciphertext cannot be passed off as another kind), computes blind indexes
 * (HMAC-SHA256 of the normalised value) for exact lookup without decryption, and re-seals values
 * under the active key when keys rotate.
 */
public final class PersonalDataProtector {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataProtector(PersonalDataKeys keys) {
        this.keys = keys;
    }

    public ProtectedValue protect(PersonalDataKind kind, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        String value = plaintext.strip();
        return new ProtectedValue(kind, keys.activeKeyId(), encrypt(kind, value, keys.activeKey()),
                blindIndex(kind, value), kind.mask(value));
    }

    public ProtectedValue protect(IdCardNumber idCard) {
        return idCard == null ? null : protect(PersonalDataKind.ID_CARD, idCard.value());
    }

    /** The blind index to look a value up by, e.g. {@code findByIdCard_BlindIndex(protector.blindIndex(...))}. */
    public String blindIndex(PersonalDataKind kind, String plaintext) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.blindIndexKey());
            mac.update(kind.name().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) ':');
            byte[] digest = mac.doFinal(kind.normalise(plaintext).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Whether this value was sealed under a key other than the active one. */
    public boolean needsRotation(ProtectedValue value) {
        return value != null && !keys.activeKeyId().equals(value.keyId());
    }

    /** The same value sealed under the active key (same blind index and mask). */
    public ProtectedValue rotate(ProtectedValue value) {
        if (!needsRotation(value)) {
            return value;
        }
        String plaintext = decrypt(value);
        return new ProtectedValue(value.kind(), keys.activeKeyId(), encrypt(value.kind(), plaintext, keys.activeKey()),
                value.blindIndex(), value.masked());
    }

    /** Plaintext, for {@link PersonalDataReveals} only: every other reader gets the mask. */
    String decrypt(ProtectedValue value) {
        try {
            ByteBuffer sealed = ByteBuffer.wrap(Base64.getDecoder().decode(value.ciphertext()));
            byte[] iv = new byte[IV_BYTES];
            sealed.get(iv);
            byte[] ciphertext = new byte[sealed.remaining()];
            sealed.get(ciphertext);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.key(value.keyId()), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(value.kind().name().getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A personal-data value could not be decrypted (key " + value.keyId() + ")", e);
        }
    }

    private String encrypt(PersonalDataKind kind, String plaintext, SecretKey key) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(kind.name().getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ciphertext.length)
                    .put(iv).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }
}
