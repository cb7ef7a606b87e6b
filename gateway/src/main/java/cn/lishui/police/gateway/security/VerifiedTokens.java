package cn.lishui.police.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The bearer tokens this gateway has already checked, so that a client's next requests with the same token are not
 * checked again from scratch: a client sends one access token with every request for its lifetime (15 min at
 * identity-service), and checking it (parsing, selecting the key, the RSA signature, the claims) was about a fifth
 * of the gateway's own time on an authenticated route (docs/benchmarks.md, "s5-gw").
 *
 * <p>Only tokens the decoder accepted are kept, each until its {@code exp} (without the decoder's clock skew, so
 * never longer than the decoder would accept it) and never before its {@code nbf}; a token without {@code exp} is not
 * kept. A token whose signing key is withdrawn from the identity service's key set is still accepted here until it
 * expires (the decoder itself keeps the key set for minutes); every service checks the token again with its own
 * decoder. At most {@code maxEntries} tokens: when full, the expired ones go first, then all.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(ReactiveJwtDecoder decoder, int maxEntries, Clock clock) {
        this.decoder = decoder;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (isCurrent(known, clock.instant())) {
                return Mono.just(known);
            }
            verified.remove(token, known);
        }
        return decoder.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
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

    private static boolean isCurrent(Jwt jwt, Instant now) {
        Instant expiresAt = jwt.getExpiresAt();
        Instant notBefore = jwt.getNotBefore();
        return expiresAt != null && now.isBefore(expiresAt) && (notBefore == null || !now.isBefore(notBefore));
    }

    int size() {
        return verified.size();
    }
}
