package cn.lishui.police.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain OAuth2 client of the running service over java.net.http, as the CLI, the gateway or a
 * service would talk to it: form-encoded token requests, JSON answers, JWT payloads decoded for the
 * test to look at (the server validates signatures; the tests check what is in the tokens).
 */
public final class OAuth {

    public static final String ISSUER = "https://identity.fengqiao.test";
    public static final String SERVICE_SECRET = "test-service-client-secret";
    public static final String WEB_REDIRECT_URI = "http://127.0.0.1:8080/console/";
    public static final String DEMO_PASSWORD = "Fengqiao-Demo-2026";
    public static final String CLI = "fengqiao-cli";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http;

    public OAuth(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).build();
    }

    public String base() {
        return base;
    }

    /** A token request answered: status and JSON body. */
    public record Answer(int status, Map<String, Object> body, HttpResponse<String> response) {

        public String get(String name) {
            Object value = body.get(name);
            return value == null ? null : value.toString();
        }

        public String accessToken() {
            if (status != 200) {
                throw new AssertionError("token request failed: " + status + " " + body);
            }
            return get("access_token");
        }

        public String bearer() {
            return "Bearer " + accessToken();
        }
    }

    public Answer password(String username, String password) {
        return token(null, Map.of("grant_type", "password", "username", username, "password", password,
                "client_id", CLI));
    }

    public Answer password(String username, String password, String scope) {
        return token(null, Map.of("grant_type", "password", "username", username, "password", password,
                "client_id", CLI, "scope", scope));
    }

    public String bearerOf(String username, String password) {
        return password(username, password).bearer();
    }

    public String demoBearer(String username) {
        return bearerOf(username, DEMO_PASSWORD);
    }

    public Answer clientCredentials(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return token("Basic " + basic, Map.of("grant_type", "client_credentials"));
    }

    public Answer refresh(String clientId, String refreshToken) {
        return token(null, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
    }

    public Answer token(String authorization, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = send(request.build());
        return new Answer(response.statusCode(), json(response.body()), response);
    }

    public HttpResponse<String> get(String pathOrUrl, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl
                : base + pathOrUrl)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The payload of a JWT, decoded (not validated). */
    public static Map<String, Object> claims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** The header of a JWT, decoded. */
    public static Map<String, Object> header(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    public static Map<String, Object> json(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    public static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A fresh phone number per test, so tests never collide in the shared store. */
    public static String freshPhone() {
        long n = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L);
        return "139" + String.format("%08d", n);
    }

    public static String freshName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
