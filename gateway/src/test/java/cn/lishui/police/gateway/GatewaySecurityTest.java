package cn.lishui.police.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as the suite's front door (issue 3): tokens, public paths, role rules, spoofed identity
 * headers, CORS, body size and security headers. Every service is the same stub, which records what
 * reaches it; tokens come from {@link TestIssuer}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewaySecurityTest extends RunningGateway {

    private static final UpstreamStub services = UpstreamStub.start();
    private static final int ONE_MEGABYTE = 1024 * 1024;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestIssuer.register(registry);
        // a front end on its own dev server (none is allowed by default: the pages are same-origin)
        registry.add("fengqiao.gateway.cors.allowed-origins", () -> "http://localhost:5173,http://127.0.0.1:5173");
        for (String service : List.of("identity", "grid", "mediation", "public", "overseas")) {
            registry.add("fengqiao.services." + service + "-url", services::url);
        }
    }

    @AfterAll
    static void stopStub() {
        services.close();
    }

    @Autowired
    WebFilterChainProxy securityFilters;

    @Test
    void springSecuritysFiltersAreLinkedWithoutACheckpointPerFilter() {
        assertThat(ReflectionTestUtils.getField(securityFilters, "filterChainDecorator"))
                .extracting(decorator -> decorator.getClass().getSimpleName()).isEqualTo("SecurityFilterChainLinks");
    }

    // --- tokens ---

    @Test
    void aValidTokenReachesTheServiceWithTheAuthorizationHeaderUnchanged() {
        String bearer = TestIssuer.bearer("citizen-valid", "CITIZEN");

        client.get().uri("/api/grid/incidents/mine").header("Authorization", bearer)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/grid/incidents/mine");

        assertThat(services.lastRequestTo("/api/grid/incidents/mine")).hasValueSatisfying(
                request -> assertThat(request.header("Authorization")).isEqualTo(bearer));
    }

    @Test
    void noTokenIsA401ProblemWithABearerChallenge() {
        client.get().uri("/api/grid/incidents/no-token")
                .header("Accept-Language", "en")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Not authenticated")
                .jsonPath("$.instance").isEqualTo("/api/grid/incidents/no-token")
                // the trace id an operator looks up in the gateway's log
                .jsonPath("$.traceId").value(String.class, traceId -> assertThat(traceId).matches("[0-9a-f]{32}"));

        assertThat(services.lastRequestTo("/api/grid/incidents/no-token")).isEmpty();
    }

    static Stream<Arguments> invalidTokens() {
        return Stream.of(
                Arguments.of("expired", TestIssuer.user("citizen-late").roles("CITIZEN")
                        .issued(Duration.ofMinutes(20), Duration.ofMinutes(15)).token()),
                Arguments.of("wrong-issuer", TestIssuer.user("citizen-elsewhere").roles("CITIZEN")
                        .issuer("https://issuer.example.org").token()),
                Arguments.of("wrong-audience", TestIssuer.user("citizen-other-audience").roles("CITIZEN")
                        .audience("another-api").token()),
                Arguments.of("tampered", TestIssuer.user("citizen-tamperer").roles("CITIZEN").tamperedToken()),
                Arguments.of("alg-none", TestIssuer.user("citizen-unsigned").roles("ADMIN").unsignedToken()),
                Arguments.of("foreign-key", TestIssuer.user("citizen-forged").roles("ADMIN").signedByAStranger().token()),
                Arguments.of("not-a-jwt", "definitely-not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void anInvalidTokenIsA401InvalidTokenProblem(String kind, String token) {
        String path = "/api/grid/incidents/" + kind;

        client.get().uri(path).header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_TOKEN")
                .jsonPath("$.status").isEqualTo(401);

        assertThat(services.lastRequestTo(path)).isEmpty();
    }

    @Test
    void anInvalidTokenIsRefusedEvenOnAPublicPath() {
        String expired = TestIssuer.user("citizen-expired-browsing").roles("CITIZEN")
                .issued(Duration.ofHours(1), Duration.ofMinutes(15)).bearer();

        client.get().uri("/api/public/service-items/expired-token").header("Authorization", expired)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_TOKEN");
    }

    // --- public paths ---

    @Test
    void theCatalogueStationsOpen311AndSignUpAreOpenToAnonymousCallers() {
        List<String> reads = List.of("/api/public/service-items", "/api/public/service-items/passport-renewal",
                "/api/overseas/stations", "/api/overseas/stations/station-milano", "/open311/v2/discovery.json",
                "/open311/v2/services.json", "/open311/v2/services/pothole.json", "/api/identity/roles");
        for (String path : reads) {
            client.get().uri(path).exchange().expectStatus().isOk();
            assertThat(services.lastRequestTo(path)).as(path).isPresent();
        }
        for (String signUp : List.of("/api/identity/citizens", "/api/identity/compatriots")) {
            client.post().uri(signUp).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"phone\":\"13800000000\",\"password\":\"a-long-passphrase\"}")
                    .exchange().expectStatus().isOk();
            assertThat(services.lastRequestTo(signUp)).as(signUp).hasValueSatisfying(
                    request -> assertThat(request.method()).isEqualTo("POST"));
        }
    }

    @Test
    void writesAndEverythingElseNextToThePublicPathsNeedAToken() {
        Map<HttpMethod, List<String>> closed = Map.of(
                HttpMethod.POST, List.of("/api/public/service-items", "/api/overseas/stations", "/api/identity/staff"),
                HttpMethod.GET, List.of("/api/public/applications", "/api/overseas/aid-requests",
                        "/open311/v2/requests.json", "/api/identity/citizens", "/api/mediation/disputes"),
                HttpMethod.DELETE, List.of("/api/public/service-items/passport-renewal"));
        closed.forEach((method, paths) -> paths.forEach(path -> {
            client.method(method).uri(path).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
            assertThat(services.requests()).as(method + " " + path)
                    .noneMatch(request -> request.path().equals(path) && request.method().equals(method.name()));
        }));
    }

    @Test
    void theOidcEndpointsOfTheIdentityServiceAreReachableAnonymously() {
        for (String path : List.of("/.well-known/openid-configuration", "/oauth2/jwks", "/login", "/login.css",
                "/userinfo", "/connect/logout")) {
            client.get().uri(path).exchange().expectStatus().isOk();
            assertThat(services.lastRequestTo(path)).as(path).isPresent();
        }
        client.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=password&username=demo-citizen&password=secret&client_id=fengqiao-cli")
                .exchange().expectStatus().isOk();
        client.post().uri("/logout").exchange().expectStatus().isOk();

        assertThat(services.lastRequestTo("/oauth2/token")).hasValueSatisfying(request -> {
            assertThat(request.method()).isEqualTo("POST");
            // sign-in pages and redirects must name the gateway, the issuer, not identity-service's own port
            assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + port);
        });
        assertThat(services.lastRequestTo("/logout")).isPresent();
    }

    @Test
    void theGatewaysOwnHealthAndMetricsAreOpen() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    // --- role rules ---

    @Test
    void aCitizenOnAStaffOnlyRouteIsA403Problem() {
        String citizen = TestIssuer.bearer("citizen-curious", "CITIZEN");

        for (String path : List.of("/api/identity/staff", "/api/identity/admin/clients")) {
            client.get().uri(path).header("Authorization", citizen).header("Accept-Language", "en")
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("FORBIDDEN")
                    .jsonPath("$.title").isEqualTo("Forbidden")
                    .jsonPath("$.instance").isEqualTo(path);
            assertThat(services.lastRequestTo(path)).as(path).isEmpty();
        }
    }

    @Test
    void anAdminReachesTheStaffRoutes() {
        client.get().uri("/api/identity/staff/officer-7").header("Authorization", TestIssuer.bearer("admin-1", "ADMIN"))
                .exchange().expectStatus().isOk();

        assertThat(services.lastRequestTo("/api/identity/staff/officer-7")).isPresent();
    }

    @Test
    void onlyAdminsAndMediatorsChangeMediationOrganisationsButAnyoneSignedInReadsThem() {
        String citizen = TestIssuer.bearer("citizen-mediation", "CITIZEN");
        String mediator = TestIssuer.bearer("mediator-1", "MEDIATOR");

        client.post().uri("/api/mediation/organisations").header("Authorization", citizen)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"tea garden committee\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        assertThat(services.lastRequestTo("/api/mediation/organisations")).isEmpty();

        client.get().uri("/api/mediation/organisations").header("Authorization", citizen)
                .exchange().expectStatus().isOk();
        client.post().uri("/api/mediation/organisations").header("Authorization", mediator)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"tea garden committee\"}")
                .exchange().expectStatus().isOk();

        assertThat(services.requests()).filteredOn(request -> request.path().equals("/api/mediation/organisations"))
                .extracting(UpstreamStub.Request::method).containsExactly("GET", "POST");
    }

    @Test
    void onlyAdminsChangeOverseasStations() {
        client.put().uri("/api/overseas/stations/station-prato")
                .header("Authorization", TestIssuer.bearer("compatriot-1", "COMPATRIOT"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Prato\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        client.put().uri("/api/overseas/stations/station-prato")
                .header("Authorization", TestIssuer.bearer("admin-2", "ADMIN"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Prato\"}")
                .exchange().expectStatus().isOk();

        assertThat(services.requests()).filteredOn(request -> request.path().equals("/api/overseas/stations/station-prato"))
                .hasSize(1);
    }

    @Test
    void anAnonymousCallerOnAStaffRouteIsAskedToSignInRatherThanRefused() {
        client.get().uri("/api/identity/staff").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    // --- headers a client could use to pass as someone else ---

    @Test
    void spoofedIdentityAndForwardingHeadersNeverReachTheService() {
        String bearer = TestIssuer.bearer("citizen-spoofer", "CITIZEN");

        client.get().uri("/api/grid/incidents/spoofed").header("Authorization", bearer)
                .header("X-User-Id", "admin-1")
                .header("X-User-Roles", "ADMIN")
                .header("X-Forwarded-User", "admin-1")
                .header("X-Authenticated-User", "admin-1")
                .header("X-Authenticated-Userid", "admin-1")
                .header("X-Roles", "ADMIN")
                .header("X-Client-Id", "grid-service")
                .header("X-Forwarded-For", "203.0.113.66")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=203.0.113.66;host=evil.example")
                .exchange()
                .expectStatus().isOk();

        UpstreamStub.Request received = services.lastRequestTo("/api/grid/incidents/spoofed").orElseThrow();
        assertThat(received.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("x-user-")
                || name.toLowerCase().startsWith("x-authenticated-")
                || List.of("x-forwarded-user", "x-roles", "x-client-id").contains(name.toLowerCase()));
        assertThat(received.headers().values()).flatMap(values -> values)
                .noneMatch(value -> value.contains("203.0.113.66") || value.contains("evil.example")
                        || value.equals("admin-1"));
        assertThat(received.header("Authorization")).isEqualTo(bearer);
    }

    // --- the firewall (security.RequestFirewall) ---

    @Test
    void aUrlTheFirewallRefusesIsA400ProblemAndNeverReachesTheService() {
        for (String path : List.of("/api/public/items;jsessionid=1", "/api/public/items/%252e%252e", "/api/grid//regions")) {
            client.get().uri(URI.create(gatewayUrl() + path)).header("Accept-Language", "en")
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("BAD_REQUEST")
                    .jsonPath("$.status").isEqualTo(400);
        }
        assertThat(services.received()).noneMatch(received -> received.contains("jsessionid")
                || received.contains("%25") || received.contains("//"));
    }

    @Test
    void aMethodTheFirewallRefusesIsA400Problem() {
        client.method(HttpMethod.valueOf("PROPFIND")).uri("/api/grid/regions")
                .header("Authorization", TestIssuer.bearer("citizen-webdav", "CITIZEN"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
        assertThat(services.requestsTo("/api/grid/regions")).isZero();
    }

    // --- CORS ---

    @Test
    void aPreflightFromTheFrontEndIsAnsweredByTheGateway() {
        client.options().uri("/api/grid/incidents")
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:5173")
                .expectHeader().value("Access-Control-Allow-Methods", methods -> assertThat(methods).contains("POST"))
                .expectHeader().value("Access-Control-Allow-Headers",
                        allowed -> assertThat(allowed.toLowerCase()).contains("authorization").contains("idempotency-key"))
                .expectHeader().doesNotExist("Access-Control-Allow-Credentials");

        assertThat(services.requests()).noneMatch(request -> request.method().equals("OPTIONS"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        client.options().uri("/api/grid/incidents")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Accept-Language", "en")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("CORS_NOT_ALLOWED")
                .jsonPath("$.title").isEqualTo("Cross-origin request not allowed");
    }

    @Test
    void aCrossOriginCallIsAllowedOnlyFromTheConfiguredOrigins() {
        String bearer = TestIssuer.bearer("citizen-browser", "CITIZEN");

        client.get().uri("/api/grid/incidents/from-browser").header("Authorization", bearer)
                .header("Origin", "http://127.0.0.1:5173")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://127.0.0.1:5173")
                .expectHeader().value("Access-Control-Expose-Headers",
                        exposed -> assertThat(exposed).contains("Location").contains("Retry-After"));
        client.get().uri("/api/grid/incidents/from-elsewhere").header("Authorization", bearer)
                .header("Origin", "https://evil.example")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");

        assertThat(services.lastRequestTo("/api/grid/incidents/from-elsewhere")).isEmpty();
    }

    // --- body size ---

    @Test
    void aDeclaredBodyOverTheLimitIsA413ProblemAndNeverForwarded() throws IOException {
        String response = raw("POST /api/grid/incidents/declared-too-large HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Authorization: " + TestIssuer.bearer("citizen-uploader", "CITIZEN") + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + (ONE_MEGABYTE + 1) + "\r\n"
                + "Connection: close\r\n\r\n", new byte[0]);

        assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(services.lastRequestTo("/api/grid/incidents/declared-too-large")).isEmpty();
    }

    @Test
    void aChunkedBodyIsCountedAsItArrivesAndRefusedAtTheLimit() throws IOException {
        String response = raw(chunkedPost("/api/grid/incidents/chunked-too-large"), chunked(ONE_MEGABYTE + 64 * 1024));

        assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(services.lastRequestTo("/api/grid/incidents/chunked-too-large")).isEmpty();
    }

    @Test
    void aChunkedBodyUnderTheLimitIsForwardedWhole() throws IOException {
        String response = raw(chunkedPost("/api/grid/incidents/chunked-fine"), chunked(ONE_MEGABYTE - 1024));

        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(services.lastRequestTo("/api/grid/incidents/chunked-fine")).hasValueSatisfying(
                request -> assertThat(request.bodySize()).isEqualTo(ONE_MEGABYTE - 1024));
    }

    // --- security headers ---

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        client.get().uri("/api/grid/incidents/headers")
                .header("Authorization", TestIssuer.bearer("citizen-headers", "CITIZEN"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "same-origin")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader().valueEquals("Cache-Control", "no-store")
                // plain HTTP here: HSTS is only sent over HTTPS (SecurityHeadersTest)
                .expectHeader().doesNotExist("Strict-Transport-Security");

        client.get().uri("/api/grid/incidents/headers-of-a-problem")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader().valueEquals("Cache-Control", "no-store");
    }

    private String chunkedPost(String path) {
        return "POST " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Authorization: " + TestIssuer.bearer("citizen-streamer", "CITIZEN") + "\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n";
    }

    /** {@code size} bytes as 16 KiB chunks and the last chunk. */
    private static byte[] chunked(int size) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        for (int left = size; left > 0; left -= chunk.length) {
            int length = Math.min(left, chunk.length);
            body.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            body.write(chunk, 0, length);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    /**
     * Sends a request exactly as written and reads the whole response. The body is written from another
     * thread: the gateway may answer (and close) before it has read it all, which is the point.
     */
    private String raw(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException closedByTheGateway) {
                    // expected once the gateway has refused the body
                }
            });
            writer.setDaemon(true);
            writer.start();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            try {
                in.transferTo(response);
            } catch (IOException reset) {
                // a reset after the response was read still leaves the response
            }
            writer.interrupt();
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
