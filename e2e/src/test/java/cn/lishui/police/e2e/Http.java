package cn.lishui.police.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for the tests: what a front end sends, what it gets back. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Http() {
    }

    /** An anonymous GET. */
    static Response get(URI uri) {
        return get(uri, null);
    }

    /** A GET with {@code Authorization: Bearer <accessToken>} (none when {@code accessToken} is null). */
    static Response get(URI uri, String accessToken) {
        return send(request(uri, accessToken).GET().build());
    }

    /** A GET with extra headers, e.g. {@code If-None-Match}. */
    static Response get(URI uri, String accessToken, Map<String, String> headers) {
        HttpRequest.Builder request = request(uri, accessToken);
        headers.forEach(request::setHeader);
        return send(request.GET().build());
    }

    /** An anonymous POST; see {@link #post(URI, Object, String)}. */
    static Response post(URI uri, Object body) {
        return post(uri, body, null);
    }

    /**
     * A POST with a JSON body (a {@code String} is sent as it is, anything else is serialized) and a
     * fresh {@code Idempotency-Key}, as the front ends send them.
     */
    static Response post(URI uri, Object body, String accessToken) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(uri, accessToken)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** A form POST, as OAuth2 token requests are. */
    static Response postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(uri, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpRequest.Builder request(URI uri, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return request;
    }

    private static Response send(HttpRequest request) {
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(request.method() + " " + request.uri(), response,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    record Response(String request, HttpResponse<String> raw, Duration took) {

        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        /** The media type without parameters, e.g. {@code application/problem+json}. */
        String mediaType() {
            return header("Content-Type").map(type -> type.split(";")[0].trim()).orElse("");
        }

        /** For assertion messages: what was asked and what came back. */
        @Override
        public String toString() {
            return request + " -> " + raw.statusCode() + " " + raw.headers().map() + "\n" + raw.body();
        }
    }
}
