package cn.lishui.police.identity.key;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Keys given as PEM in configuration (a secret store's environment): the active private key (PKCS#8,
 * {@code -----BEGIN PRIVATE KEY-----}) and, during a rotation, the previous keys (public or private)
 * that must still validate. The key id is the RFC 7638 thumbprint, the same on every replica. Read
 * only: rotation happens in the secret store, not through the API.
 */
final class PemKeys implements KeyStorage {

    private final String activePem;
    private final List<String> retiredPems;

    PemKeys(String activePem, List<String> retiredPems) {
        this.activePem = activePem;
        this.retiredPems = retiredPems == null ? List.of() : List.copyOf(retiredPems);
    }

    @Override
    public List<RSAKey> load() {
        List<RSAKey> keys = new ArrayList<>();
        for (String retired : retiredPems) {
            keys.add(parse(retired));
        }
        RSAKey active = parse(activePem);
        if (!active.isPrivate()) {
            throw new IllegalStateException("fengqiao.identity.keys.pem must be a private key (PKCS#8 PEM)");
        }
        keys.add(active);
        return keys;
    }

    @Override
    public boolean writable() {
        return false;
    }

    @Override
    public void save(List<RSAKey> keys) {
        throw new UnsupportedOperationException("PEM keys from configuration are read-only");
    }

    @Override
    public String describe() {
        return "PEM from configuration (" + (1 + retiredPems.size()) + " key(s))";
    }

    static RSAKey parse(String pem) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAKey.Builder builder;
            if (pem.contains("BEGIN PRIVATE KEY")) {
                var privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
                var publicKey = (RSAPublicKey) rsa.generatePublic(
                        new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
                builder = new RSAKey.Builder(publicKey).privateKey(privateKey);
            } else if (pem.contains("BEGIN PUBLIC KEY")) {
                builder = new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der(pem))));
            } else {
                throw new IllegalStateException("A signing key PEM must be PKCS#8 (BEGIN PRIVATE KEY) or X.509 "
                        + "(BEGIN PUBLIC KEY); convert PKCS#1 with: openssl pkcs8 -topk8 -nocrypt");
            }
            return builder.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint().build();
        } catch (GeneralSecurityException | JOSEException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("A configured signing key is not a valid RSA key PEM", e);
        }
    }

    private static byte[] der(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
