package cn.lishui.police.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the identity token says: the subject, the roles and the area the caller works
 * in (county, station, mediation organisation). Services use it for object-level rules: a citizen
 * sees only their own records, an officer only their area unless COMMANDER, a mediator only the cases
 * of their organisation.
 */
public record Caller(String subject, String username, Set<String> roles, String countyCode, String stationId,
                     String organisationId) {

    public static final String ROLES_CLAIM = "roles";
    public static final String COUNTY_CLAIM = "county_code";
    public static final String STATION_CLAIM = "station_id";
    public static final String ORGANISATION_CLAIM = "organisation_id";

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The caller of the current request; throws if the request is not authenticated by a JWT. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        throw new IllegalStateException("No JWT-authenticated caller in this request");
    }

    public static Caller of(Jwt jwt) {
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), rolesOf(jwt),
                jwt.getClaimAsString(COUNTY_CLAIM), jwt.getClaimAsString(STATION_CLAIM),
                jwt.getClaimAsString(ORGANISATION_CLAIM));
    }

    static Set<String> rolesOf(Jwt jwt) {
        Object claim = jwt.getClaims().get(ROLES_CLAIM);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof String single && !single.isBlank()) {
            return Set.copyOf(List.of(single.split("[\\s,]+")));
        }
        return Set.of();
    }
}
