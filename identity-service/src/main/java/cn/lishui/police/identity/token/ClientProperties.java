package cn.lishui.police.identity.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OAuth2 clients of the suite (security contract).
 *
 * @param accessTokenTimeToLive      lifetime of access tokens (15 min)
 * @param refreshTokenTimeToLive     lifetime of refresh tokens of the front-end and CLI clients
 * @param serviceClientSecret        the one secret of every service client (embedded default, run.sh)
 * @param serviceClients             per-client settings, e.g. {@code service-clients.grid-service.secret}
 * @param webRedirectUris            redirect URIs of {@code fengqiao-web}
 * @param webPostLogoutRedirectUris  where {@code fengqiao-web} may send the browser after logout
 * @param passwordGrant              the direct password grant of {@code fengqiao-cli}
 */
@ConfigurationProperties("fengqiao.identity")
record ClientProperties(Duration accessTokenTimeToLive, Duration refreshTokenTimeToLive, String serviceClientSecret,
                        Map<String, ServiceClient> serviceClients, List<String> webRedirectUris,
                        List<String> webPostLogoutRedirectUris, PasswordGrant passwordGrant) {

    /** The service clients of the contract; more can be added under {@code service-clients}. */
    static final List<String> SERVICES = List.of("grid-service", "mediation-service", "public-service",
            "overseas-service");

    ClientProperties {
        accessTokenTimeToLive = accessTokenTimeToLive == null ? Duration.ofMinutes(15) : accessTokenTimeToLive;
        refreshTokenTimeToLive = refreshTokenTimeToLive == null ? Duration.ofHours(8) : refreshTokenTimeToLive;
        serviceClientSecret = serviceClientSecret == null || serviceClientSecret.isBlank() ? null : serviceClientSecret;
        serviceClients = serviceClients == null ? Map.of() : Map.copyOf(serviceClients);
        webRedirectUris = webRedirectUris == null ? List.of() : List.copyOf(webRedirectUris);
        webPostLogoutRedirectUris = webPostLogoutRedirectUris == null ? List.of()
                : List.copyOf(webPostLogoutRedirectUris);
        passwordGrant = passwordGrant == null ? new PasswordGrant(null) : passwordGrant;
    }

    /** @param secret this client's own secret, overriding {@code service-client-secret} */
    record ServiceClient(String secret) {
    }

    /** @param enabled unset: on in the embedded default only */
    record PasswordGrant(Boolean enabled) {
    }
}
