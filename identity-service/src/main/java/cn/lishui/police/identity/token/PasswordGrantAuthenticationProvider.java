package cn.lishui.police.identity.token;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import cn.lishui.police.identity.user.PasswordSignIn;
import cn.lishui.police.identity.user.SignInRefusedException;
import cn.lishui.police.identity.user.UserAccount;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The password grant: checks the client may use it, signs the user in through {@link PasswordSignIn}
 * (lockout included), and issues an access token, a refresh token (if the client has the refresh grant)
 * and, with scope {@code openid}, an ID token, all through the server's token generator, so they carry
 * the same claims as the tokens of the other grants. Refusals are RFC 6749 errors: {@code invalid_grant}
 * with the description {@code bad credentials} or {@code account locked}.
 */
final class PasswordGrantAuthenticationProvider implements AuthenticationProvider {

    private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";
    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final PasswordSignIn signIn;
    private final OAuth2AuthorizationService authorizations;
    private final OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator;

    PasswordGrantAuthenticationProvider(PasswordSignIn signIn, OAuth2AuthorizationService authorizations,
                                        OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator) {
        this.signIn = signIn;
        this.authorizations = authorizations;
        this.tokenGenerator = tokenGenerator;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        PasswordGrantAuthenticationToken request = (PasswordGrantAuthenticationToken) authentication;
        OAuth2ClientAuthenticationToken clientPrincipal = authenticatedClient(request);
        RegisteredClient client = clientPrincipal.getRegisteredClient();
        if (client == null || !client.getAuthorizationGrantTypes().contains(PasswordGrant.TYPE)) {
            throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "the client may not use the password grant");
        }
        Set<String> scopes = request.scopes();
        if (!client.getScopes().containsAll(scopes)) {
            throw error(OAuth2ErrorCodes.INVALID_SCOPE, "scope not allowed for this client");
        }

        UserAccount account;
        try {
            account = signIn.signIn(request.username(), request.password());
        } catch (SignInRefusedException refused) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT, refused.reason().description());
        } finally {
            request.eraseCredentials();
        }
        Authentication user = SignedInUsers.of(account);

        DefaultOAuth2TokenContext.Builder context = DefaultOAuth2TokenContext.builder()
                .registeredClient(client)
                .principal(user)
                .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                .authorizedScopes(scopes)
                .authorizationGrantType(PasswordGrant.TYPE)
                .authorizationGrant(request);
        OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(client)
                .principalName(user.getName())
                .authorizationGrantType(PasswordGrant.TYPE)
                .authorizedScopes(scopes)
                .attribute(Principal.class.getName(), user);

        OAuth2TokenContext accessContext = context.tokenType(OAuth2TokenType.ACCESS_TOKEN).build();
        OAuth2Token generated = tokenGenerator.generate(accessContext);
        if (generated == null) {
            throw error(OAuth2ErrorCodes.SERVER_ERROR, "the access token could not be generated");
        }
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                generated.getTokenValue(), generated.getIssuedAt(), generated.getExpiresAt(), scopes);
        if (generated instanceof ClaimAccessor claims) {
            authorization.token(accessToken, metadata ->
                    metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims()));
        } else {
            authorization.accessToken(accessToken);
        }

        OAuth2RefreshToken refreshToken = null;
        if (client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            OAuth2Token refresh = tokenGenerator.generate(context.tokenType(OAuth2TokenType.REFRESH_TOKEN).build());
            if (!(refresh instanceof OAuth2RefreshToken)) {
                throw error(OAuth2ErrorCodes.SERVER_ERROR, "the refresh token could not be generated");
            }
            refreshToken = (OAuth2RefreshToken) refresh;
            authorization.refreshToken(refreshToken);
        }

        Map<String, Object> additional = new HashMap<>();
        if (scopes.contains(OidcScopes.OPENID)) {
            OAuth2Token id = tokenGenerator.generate(
                    context.tokenType(ID_TOKEN).authorization(authorization.build()).build());
            if (!(id instanceof Jwt jwt)) {
                throw error(OAuth2ErrorCodes.SERVER_ERROR, "the ID token could not be generated");
            }
            OidcIdToken idToken = new OidcIdToken(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(),
                    jwt.getClaims());
            authorization.token(idToken, metadata ->
                    metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, idToken.getClaims()));
            additional.put(OidcParameterNames.ID_TOKEN, idToken.getTokenValue());
        }

        authorizations.save(authorization.build());
        return new OAuth2AccessTokenAuthenticationToken(client, clientPrincipal, accessToken, refreshToken, additional);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PasswordGrantAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static OAuth2ClientAuthenticationToken authenticatedClient(Authentication request) {
        if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()) {
            return client;
        }
        throw error(OAuth2ErrorCodes.INVALID_CLIENT, null);
    }

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, ERROR_URI));
    }
}
