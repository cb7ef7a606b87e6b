package cn.lishui.police.identity.key;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import cn.lishui.police.platform.error.DomainException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The identity service's RSA signing keys, as one JWK source for signing, for {@code /oauth2/jwks} and
 * for validating its own tokens. Rotation adds a key: new tokens are signed with the newest key, and
 * every key stays published (and accepted) until it has been superseded for longer than
 * {@code retire-after}, so tokens signed before a rotation stay valid until they expire.
 */
public final class SigningKeys implements JWKSource<SecurityContext> {

    private final KeyStorage storage;
    private final Clock clock;
    private final Duration retireAfter;
    private volatile List<RSAKey> keys;

    SigningKeys(KeyStorage storage, Clock clock, Duration retireAfter) {
        this.storage = storage;
        this.clock = clock;
        this.retireAfter = retireAfter;
        this.keys = List.copyOf(storage.load());
        if (this.keys.stream().noneMatch(RSAKey::isPrivate)) {
            throw new IllegalStateException("No private signing key in " + storage.describe());
        }
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(new ArrayList<>(keys)));
    }

    /** The key that signs new tokens: the newest with a private part. */
    public RSAKey active() {
        List<RSAKey> current = keys;
        for (int i = current.size() - 1; i >= 0; i--) {
            if (current.get(i).isPrivate()) {
                return current.get(i);
            }
        }
        throw new IllegalStateException("No private signing key");
    }

    /** For the encoder: of the keys that fit a token's header, the newest one, i.e. the active key. */
    JWK newestOf(List<JWK> candidates) {
        String active = active().getKeyID();
        return candidates.stream().filter(jwk -> active.equals(jwk.getKeyID())).findFirst()
                .orElseGet(() -> candidates.get(candidates.size() - 1));
    }

    /** Published keys, oldest first. */
    public List<RSAKey> published() {
        return keys;
    }

    /**
     * Adds a new active key, keeps the older ones (but drops those superseded longer ago than
     * {@code retire-after}) and stores the set.
     *
     * @throws DomainException 409 {@code KEY_ROTATION_UNAVAILABLE} when the keys come from read-only configuration
     */
    public synchronized RSAKey rotate() {
        if (!storage.writable()) {
            throw DomainException.conflict("KEY_ROTATION_UNAVAILABLE");
        }
        Instant now = clock.instant();
        RSAKey fresh = generate(now);
        List<RSAKey> next = new ArrayList<>(retained(keys, now));
        next.add(fresh);
        storage.save(next);
        keys = List.copyOf(next);
        return fresh;
    }

    private List<RSAKey> retained(List<RSAKey> current, Instant now) {
        List<RSAKey> kept = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            // a key is superseded when the next key was issued; the newest is superseded by the fresh one now
            Instant supersededAt = i + 1 < current.size() ? issuedAt(current.get(i + 1)) : now;
            if (supersededAt.plus(retireAfter).isAfter(now)) {
                kept.add(current.get(i));
            }
        }
        return kept;
    }

    static Instant issuedAt(RSAKey key) {
        return key.getIssueTime() == null ? Instant.EPOCH : key.getIssueTime().toInstant();
    }

    /** Oldest first, keys without an issue time before the others. */
    static List<RSAKey> inIssueOrder(List<RSAKey> keys) {
        return keys.stream().sorted(Comparator.comparing(SigningKeys::issuedAt)).toList();
    }

    static RSAKey generate(Instant issuedAt) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    // whole seconds: the JWK "iat" member has no fraction
                    .issueTime(Date.from(Instant.ofEpochSecond(issuedAt.getEpochSecond())))
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is unavailable", e);
        }
    }
}
