package cn.lishui.police.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The bearer tokens already checked, so that a client's next requests with the same token are not checked again
 * from scratch. A client sends one access token with every request for its lifetime (15 min at identity-service),
 * and checking it (parsing, selecting the key, the RSA signature, the claims) was about a fifth of the gateway's
 * time on an authenticated route and over a third of a service's on a light read (docs/benchmarks.md, "s5-gw",
 * "s5-locate"). The gateway (reactive) and every servlet service ({@link #decoding(JwtDecoder)}) use this one
 * implementation.
 *
 * <p>Only tokens the decoder accepted are kept, each until its {@code exp} (without the decoder's clock skew, so
 * never longer than the decoder would accept it) and never before its {@code nbf}; a token without {@code exp} is
 * not kept. A token whose signing key is withdrawn from the identity service's key set is still accepted until it
 * expires (the decoder itself keeps the key set for minutes). At most {@code maxEntries} tokens: when full, the
 * expired ones go first, then all. The key is the whole token, so a token differing in any character is checked.
 */
public final class VerifiedTokens {

    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The token's claims if it was checked before and is still current, else {@code null}. */
    public Jwt get(String token) {
        Jwt known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (isCurrent(known, clock.instant())) {
            return known;
        }
        verified.remove(token, known);
        return null;
    }

    /** Keeps a token the decoder has just accepted, while it is current. */
    public void remember(String token, Jwt jwt) {
        Instant now = clock.instant();
        if (!isCurrent(jwt, now)) {
            return;
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(kept -> !isCurrent(kept, now));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    /** A decoder that asks {@code decoder} only for tokens not already checked. */
    public JwtDecoder decoding(JwtDecoder decoder) {
        return token -> {
            Jwt known = get(token);
            if (known != null) {
                return known;
            }
            Jwt jwt = decoder.decode(token);
            remember(token, jwt);
            return jwt;
        };
    }

    /** How many tokens are kept now. */
    public int size() {
        return verified.size();
    }

    private static boolean isCurrent(Jwt jwt, Instant now) {
        Instant expiresAt = jwt.getExpiresAt();
        Instant notBefore = jwt.getNotBefore();
        return expiresAt != null && now.isBefore(expiresAt) && (notBefore == null || !now.isBefore(notBefore));
    }
}
