package cn.lishui.police.platform.personaldata;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A personal identifier as it is stored: AES-GCM ciphertext under a named key (so keys can rotate),
 * an HMAC blind index for exact lookup, and the masked form. In any JSON response it is only the
 * masked string ({@code 3311**********1234}); the plaintext comes back only through
 * {@link PersonalDataReveals}, with a role, a purpose and an audit record.
 *
 * @param ciphertext Base64 of IV (12 bytes) followed by the GCM ciphertext and tag
 */
public record ProtectedValue(PersonalDataKind kind, String keyId, String ciphertext, String blindIndex,
                             String masked) {

    @JsonValue
    public String masked() {
        return masked;
    }

    @Override
    public String toString() {
        return masked;
    }
}
