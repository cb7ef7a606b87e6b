package cn.lishui.police.platform.personaldata;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys and rules for personal data. In production the keys come from configuration (a secret store
 * mounted as environment or files); in the embedded default they are generated on first start and
 * kept beside the service's data, outside the repository.
 *
 * @param activeKeyId   the key new values are sealed with
 * @param keys          AES-256 keys by id, Base64
 * @param blindIndexKey HMAC key of the blind index, Base64, at least 32 bytes; never rotated (indexes
 *                      would have to be rebuilt)
 * @param revealRoles   roles that may reveal a value, with a stated purpose
 * @param fields        where the service stores protected values, {@code collection:path}, swept after
 *                      a key rotation
 */
@ConfigurationProperties("fengqiao.personal-data")
public record PersonalDataProperties(String activeKeyId, Map<String, String> keys, String blindIndexKey,
                                     Set<String> revealRoles, List<String> fields) {

    public PersonalDataProperties {
        fields = fields == null ? List.of() : List.copyOf(fields);
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        revealRoles = revealRoles == null || revealRoles.isEmpty() ? Set.of("POLICE", "COMMANDER", "ADMIN")
                : Set.copyOf(revealRoles);
    }

    boolean configured() {
        return activeKeyId != null && !keys.isEmpty();
    }
}
