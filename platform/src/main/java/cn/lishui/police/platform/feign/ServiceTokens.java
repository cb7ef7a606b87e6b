package cn.lishui.police.platform.feign;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The service's own access token (OAuth2 client credentials against identity-service), for calls it
 * makes on its own behalf: scheduled redelivery, SLA escalation. Cached until shortly before it
 * expires; one token request at a time.
 */
public final class ServiceTokens {

    private static final Duration EARLY_REFRESH = Duration.ofSeconds(30);

    private final RestClient http;
    private final URI tokenUri;
    private final String basicAuthorization;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    public ServiceTokens(RestClient.Builder http, URI tokenUri, String clientId, String clientSecret, Clock clock) {
        this.http = http.build();
        this.tokenUri = tokenUri;
        this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    /** A valid access token of this service, fetched anew when the cached one is about to expire. */
    public synchronized String accessToken() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            Map<?, ?> answer = http.post().uri(tokenUri)
                    .header("Authorization", basicAuthorization)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body("grant_type=client_credentials")
                    .retrieve()
                    .body(Map.class);
            if (answer == null || !(answer.get("access_token") instanceof String accessToken)) {
                throw new IllegalStateException("The token endpoint " + tokenUri + " gave no access_token");
            }
            long expiresIn = answer.get("expires_in") instanceof Number seconds ? seconds.longValue() : 60;
            token = accessToken;
            refreshAt = clock.instant().plusSeconds(expiresIn).minus(EARLY_REFRESH);
        }
        return token;
    }
}
