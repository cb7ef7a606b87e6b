package cn.lishui.police.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stands in for identity-service as the issuer of access tokens: an RSA key made once per test JVM,
 * its JWKS served on a loopback port, and tokens minted with it (and broken ones: expired, of another
 * issuer or audience, unsigned, tampered, signed by a stranger's key). {@link #register} points the
 * gateway's JWT decoder at it.
 */
public final class TestIssuer {

    public static final String ISSUER = "https://issuer.fengqiao.test";
    public static final String AUDIENCE = "fengqiao";

    private static final RSAKey KEY = generateKey("gateway-test-key");
    private static final HttpServer JWKS = serveJwks();

    private TestIssuer() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestIssuer::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    }

    public static String jwkSetUri() {
        return "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/oauth2/jwks";
    }

    /** {@code Authorization} header value for a caller with these roles. */
    public static String bearer(String subject, String... roles) {
        return user(subject).roles(roles).bearer();
    }

    public static Token user(String subject) {
        return new Token(subject);
    }

    public static final class Token {

        private final String subject;
        private final List<String> roles = new ArrayList<>();
        private String issuer = ISSUER;
        private List<String> audience = List.of(AUDIENCE, "fengqiao-cli");
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(15);
        private RSAKey signingKey = KEY;

        private Token(String subject) {
            this.subject = subject;
        }

        public Token roles(String... more) {
            roles.addAll(List.of(more));
            return this;
        }

        public Token issuer(String other) {
            issuer = other;
            return this;
        }

        public Token audience(String... other) {
            audience = List.of(other);
            return this;
        }

        /** Issued {@code ago} before now, valid for {@code validFor}: past the decoder's 60 s clock skew if need be. */
        public Token issued(Duration ago, Duration validFor) {
            issuedAt = Instant.now().minus(ago);
            lifetime = validFor;
            return this;
        }

        /** Signed with another key under the same key id, as a forger would. */
        public Token signedByAStranger() {
            signingKey = generateKey(KEY.getKeyID());
            return this;
        }

        public String token() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                        claims());
                jwt.sign(new RSASSASigner(signingKey));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The same claims, {@code alg: none}, no signature. */
        public String unsignedToken() {
            return new PlainJWT(claims()).serialize();
        }

        /** A validly signed token whose payload was then rewritten to claim the ADMIN role. */
        public String tamperedToken() {
            String[] parts = token().split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            String forged = payload.replaceFirst("\"roles\":\\[[^]]*]", "\"roles\":[\"ADMIN\"]");
            if (forged.equals(payload)) {
                throw new IllegalStateException("no roles claim to tamper with in " + payload);
            }
            return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        }

        public String bearer() {
            return "Bearer " + token();
        }

        private JWTClaimsSet claims() {
            return new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .audience(audience)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("preferred_username", subject)
                    .claim("roles", List.copyOf(roles))
                    .build();
        }
    }

    private static RSAKey generateKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serveJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
