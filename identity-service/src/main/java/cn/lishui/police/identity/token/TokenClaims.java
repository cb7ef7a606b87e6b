package cn.lishui.police.identity.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import cn.lishui.police.identity.user.AccountPrincipal;
import cn.lishui.police.identity.user.Accounts;
import cn.lishui.police.identity.user.UserAccount;
import cn.lishui.police.platform.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The claims of the security contract, on every access token whatever the grant: {@code aud} also
 * {@code fengqiao}; {@code sub} the user's id (the client id for client credentials);
 * {@code preferred_username}; {@code roles}; and the area claims {@code county_code},
 * {@code station_id}, {@code organisation_id} when the user has them. The account is read afresh for
 * every token, so a refresh picks up changed roles and a deleted account gets no new token.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String AUDIENCE = "fengqiao";

    private final Accounts accounts;

    TokenClaims(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        Authentication principal = context.getPrincipal();
        var claims = context.getClaims();
        if (principal.getPrincipal() instanceof AccountPrincipal signedIn) {
            UserAccount account = accounts.findById(signedIn.id()).orElseThrow(() -> new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "the account no longer exists", null)));
            claims.subject(account.id());
            claims.claim(StandardClaimNames.PREFERRED_USERNAME, account.username());
            claims.claim(Caller.ROLES_CLAIM, account.roles().stream().sorted().toList());
            putIfPresent(claims, Caller.COUNTY_CLAIM, account.countyCode());
            putIfPresent(claims, Caller.STATION_CLAIM, account.stationId());
            putIfPresent(claims, Caller.ORGANISATION_CLAIM, account.organisationId());
            if (idToken && context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
                claims.claim(StandardClaimNames.NAME, account.displayName());
            }
        } else if (principal instanceof OAuth2ClientAuthenticationToken client && client.getRegisteredClient() != null) {
            claims.claim(StandardClaimNames.PREFERRED_USERNAME, client.getRegisteredClient().getClientId());
            Object roles = client.getRegisteredClient().getClientSettings().getSetting(SuiteClients.ROLES_SETTING);
            claims.claim(Caller.ROLES_CLAIM, roles instanceof Collection<?> names
                    ? names.stream().map(String::valueOf).sorted().toList() : List.of());
        }
        if (accessToken) {
            List<String> audience = new ArrayList<>(List.of(context.getRegisteredClient().getClientId()));
            audience.add(AUDIENCE);
            claims.audience(audience);
        }
    }

    private static void putIfPresent(org.springframework.security.oauth2.jwt.JwtClaimsSet.Builder claims, String name,
                                     String value) {
        if (value != null && !value.isBlank()) {
            claims.claim(name, value);
        }
    }
}
