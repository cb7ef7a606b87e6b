package cn.lishui.police.identity.token;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.lishui.police.identity.EmbeddedDefault;
import cn.lishui.police.identity.role.RoleNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients of the security contract: {@code fengqiao-web} (public, authorization code with PKCE,
 * refresh tokens), {@code fengqiao-cli} (public, the password grant where enabled, refresh tokens) and
 * one confidential client-credentials client per service, whose tokens carry the role SERVICE.
 */
final class SuiteClients {

    static final String WEB = "fengqiao-web";
    static final String CLI = "fengqiao-cli";
    /** Client setting with the roles a client-credentials token carries. */
    static final String ROLES_SETTING = "fengqiao.roles";

    private static final Logger log = LoggerFactory.getLogger(SuiteClients.class);

    private SuiteClients() {
    }

    static boolean passwordGrantEnabled(ClientProperties properties, Environment environment) {
        Boolean configured = properties.passwordGrant().enabled();
        return configured != null ? configured : EmbeddedDefault.active(environment);
    }

    static List<RegisteredClient> all(ClientProperties properties, PasswordEncoder encoder, Environment environment) {
        List<RegisteredClient> clients = new ArrayList<>();
        if (properties.webRedirectUris().isEmpty()) {
            log.warn("No redirect URIs for {} (fengqiao.identity.web-redirect-uris): the client is not registered", WEB);
        } else {
            clients.add(web(properties));
        }
        clients.add(cli(properties, passwordGrantEnabled(properties, environment)));
        Set<String> services = new LinkedHashSet<>(ClientProperties.SERVICES);
        services.addAll(properties.serviceClients().keySet());
        for (String service : services) {
            clients.add(service(service, secretOf(service, properties, environment), encoder, properties));
        }
        return clients;
    }

    private static RegisteredClient web(ClientProperties properties) {
        return RegisteredClient.withId(WEB).clientId(WEB).clientName("Fengqiao web")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(properties.webRedirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(properties.webPostLogoutRedirectUris()))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(userTokens(properties))
                .build();
    }

    private static RegisteredClient cli(ClientProperties properties, boolean passwordGrant) {
        RegisteredClient.Builder cli = RegisteredClient.withId(CLI).clientId(CLI).clientName("Fengqiao CLI")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .tokenSettings(userTokens(properties));
        if (passwordGrant) {
            cli.authorizationGrantType(PasswordGrant.TYPE);
        }
        return cli.build();
    }

    private static RegisteredClient service(String name, String secret, PasswordEncoder encoder,
                                            ClientProperties properties) {
        return RegisteredClient.withId(name).clientId(name).clientName(name)
                .clientSecret(encoder.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder().setting(ROLES_SETTING, List.of(RoleNames.SERVICE)).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(properties.accessTokenTimeToLive())
                        .build())
                .build();
    }

    private static TokenSettings userTokens(ClientProperties properties) {
        return TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(properties.accessTokenTimeToLive())
                .refreshTokenTimeToLive(properties.refreshTokenTimeToLive())
                // public clients: every refresh gives a new refresh token and retires the old one
                .reuseRefreshTokens(false)
                .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
    }

    private static String secretOf(String service, ClientProperties properties, Environment environment) {
        ClientProperties.ServiceClient own = properties.serviceClients().get(service);
        if (own != null && own.secret() != null && !own.secret().isBlank()) {
            return own.secret();
        }
        if (properties.serviceClientSecret() != null) {
            return properties.serviceClientSecret();
        }
        if (!EmbeddedDefault.active(environment)) {
            throw new IllegalStateException("No secret for the service client " + service + ": set "
                    + "fengqiao.identity.service-clients." + service + ".secret or FENGQIAO_SERVICE_CLIENT_SECRET");
        }
        log.warn("FENGQIAO_SERVICE_CLIENT_SECRET is not set: service client {} gets a random secret nobody knows, "
                + "so it cannot obtain tokens (run.sh sets one)", service);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
