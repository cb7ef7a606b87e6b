package cn.lishui.police.identity.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Authorizations (codes, refresh tokens, issued tokens) in memory, indexed by every value they hold,
 * and forgotten once nothing in them can be used any more. The stock in-memory service keeps every
 * completed authorization forever and scans them all on each lookup: a service that issues a token
 * per sign-in and per service call would grow without bound. A restart signs users out of their
 * refresh tokens; access tokens are self-contained JWTs and stay valid.
 */
final class ExpiringAuthorizationService implements OAuth2AuthorizationService {

    /** How long an authorization request may wait for the login form before it is dropped. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final List<Class<? extends OAuth2Token>> TOKEN_KINDS = List.of(OAuth2AuthorizationCode.class,
            OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class);

    private record Entry(OAuth2Authorization authorization, Set<String> values, Instant keepUntil) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByValue = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Instant nextSweep;

    ExpiringAuthorizationService(Clock clock) {
        this.clock = clock;
        this.nextSweep = clock.instant().plus(SWEEP_INTERVAL);
    }

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        Objects.requireNonNull(authorization, "authorization");
        unindex(authorization.getId());
        Set<String> values = valuesOf(authorization);
        byId.put(authorization.getId(), new Entry(authorization, values, keepUntil(authorization)));
        values.forEach(value -> idByValue.put(value, authorization.getId()));
        sweepIfDue();
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        Objects.requireNonNull(authorization, "authorization");
        unindex(authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        Entry entry = byId.get(id);
        return live(entry) ? entry.authorization() : null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        String id = idByValue.get(token);
        Entry entry = id == null ? null : byId.get(id);
        if (!live(entry) || !holds(entry.authorization(), token, tokenType)) {
            return null;
        }
        return entry.authorization();
    }

    /** Authorizations held now, for tests and metrics. */
    int size() {
        return byId.size();
    }

    synchronized void sweep() {
        Instant now = clock.instant();
        List<String> expired = byId.values().stream().filter(entry -> !entry.keepUntil().isAfter(now))
                .map(entry -> entry.authorization().getId()).toList();
        expired.forEach(this::unindex);
        nextSweep = now.plus(SWEEP_INTERVAL);
    }

    private void sweepIfDue() {
        if (!clock.instant().isBefore(nextSweep)) {
            sweep();
        }
    }

    private boolean live(Entry entry) {
        return entry != null && entry.keepUntil().isAfter(clock.instant());
    }

    private void unindex(String id) {
        Entry old = byId.remove(id);
        if (old != null) {
            old.values().forEach(value -> idByValue.remove(value, id));
        }
    }

    /** The latest expiry of anything in the authorization; a pending request gets {@link #PENDING_LIFETIME}. */
    private Instant keepUntil(OAuth2Authorization authorization) {
        Instant latest = null;
        for (Class<? extends OAuth2Token> kind : TOKEN_KINDS) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind);
            if (token != null) {
                Instant expiresAt = token.getToken().getExpiresAt();
                if (expiresAt == null) {
                    return Instant.MAX;
                }
                latest = latest == null || expiresAt.isAfter(latest) ? expiresAt : latest;
            }
        }
        return latest != null ? latest : clock.instant().plus(PENDING_LIFETIME);
    }

    private static Set<String> valuesOf(OAuth2Authorization authorization) {
        Set<String> values = new HashSet<>();
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        if (state != null) {
            values.add(state);
        }
        for (Class<? extends OAuth2Token> kind : TOKEN_KINDS) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind);
            if (token != null) {
                values.add(token.getToken().getTokenValue());
            }
        }
        return values;
    }

    private static boolean holds(OAuth2Authorization authorization, String value, OAuth2TokenType type) {
        if (type == null) {
            return value.equals(authorization.getAttribute(OAuth2ParameterNames.STATE))
                    || TOKEN_KINDS.stream().anyMatch(kind -> holds(authorization, kind, value));
        }
        return switch (type.getValue()) {
            case OAuth2ParameterNames.STATE -> value.equals(authorization.getAttribute(OAuth2ParameterNames.STATE));
            case OAuth2ParameterNames.CODE -> holds(authorization, OAuth2AuthorizationCode.class, value);
            case OAuth2ParameterNames.ACCESS_TOKEN -> holds(authorization, OAuth2AccessToken.class, value);
            case OAuth2ParameterNames.REFRESH_TOKEN -> holds(authorization, OAuth2RefreshToken.class, value);
            case OidcParameterNames.ID_TOKEN -> holds(authorization, OidcIdToken.class, value);
            default -> false;
        };
    }

    private static boolean holds(OAuth2Authorization authorization, Class<? extends OAuth2Token> kind, String value) {
        OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind);
        return token != null && token.getToken().getTokenValue().equals(value);
    }
}
