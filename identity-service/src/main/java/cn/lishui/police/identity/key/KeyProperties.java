package cn.lishui.police.identity.key;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the signing keys come from in production (one of the two); the embedded default generates
 * {@code <data dir>/identity-service/jwks.json} when neither is set.
 *
 * @param jwksFile    a JWK set file with private keys (a mounted secret); rotation writes it when writable
 * @param pem         the active private key, PKCS#8 PEM (e.g. {@code FENGQIAO_IDENTITY_SIGNING_KEY_PEM})
 * @param retiredPems earlier keys, still published so that their tokens stay valid until they expire
 * @param retireAfter how long a superseded key stays published (tokens live 15 minutes, ID tokens 30)
 */
@ConfigurationProperties("fengqiao.identity.keys")
record KeyProperties(Path jwksFile, String pem, List<String> retiredPems, Duration retireAfter) {

    KeyProperties {
        pem = pem == null || pem.isBlank() ? null : pem;
        retiredPems = retiredPems == null ? List.of() : List.copyOf(retiredPems);
        retireAfter = retireAfter == null ? Duration.ofHours(24) : retireAfter;
    }
}
