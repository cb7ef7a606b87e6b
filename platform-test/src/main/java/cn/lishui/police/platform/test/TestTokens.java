package cn.lishui.police.platform.test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Real signed JWTs for service tests, from a key pair made once per test JVM. Every Spring test
 * context with platform-test on its classpath validates tokens against this key, with the same
 * issuer, audience and expiry checks the services apply in production, so a test can present the
 * tokens of different callers (citizen A, citizen B, an officer of another county) and see what a
 * real caller would see.
 */
public final class TestTokens {

    public static final String ISSUER = "https://identity.fengqiao.test";
    public static final String AUDIENCE = "fengqiao";

    private static final RSAKey KEY = generate();
    private static final NimbusJwtEncoder ENCODER = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY)));

    private TestTokens() {
    }

    /** {@code Authorization} header value for a caller with these roles. */
    public static String bearer(String subject, String... roles) {
        return user(subject).roles(roles).bearer();
    }

    public static Builder user(String subject) {
        return new Builder(subject);
    }

    /** The public half of the signing key as a JWK set (what an identity service's {@code /oauth2/jwks} serves). */
    public static String jwkSetJson() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    /** The decoder the test contexts use: this key, {@link #ISSUER}, {@link #AUDIENCE}, not expired. */
    public static JwtDecoder decoder() {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
            OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(AUDIENCE));
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(ISSUER), audience));
            return decoder;
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class Builder {
        private final String subject;
        private final List<String> roles = new ArrayList<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String issuer = ISSUER;
        private List<String> audience = List.of(AUDIENCE);
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(15);

        private Builder(String subject) {
            this.subject = subject;
            claims.put("preferred_username", subject);
        }

        public Builder roles(String... more) {
            roles.addAll(List.of(more));
            return this;
        }

        public Builder county(String countyCode) {
            return claim("county_code", countyCode);
        }

        public Builder station(String stationId) {
            return claim("station_id", stationId);
        }

        public Builder organisation(String organisationId) {
            return claim("organisation_id", organisationId);
        }

        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Builder issuer(String otherIssuer) {
            this.issuer = otherIssuer;
            return this;
        }

        public Builder audience(String... otherAudience) {
            this.audience = List.of(otherAudience);
            return this;
        }

        /** A token issued {@code ago} in the past with the given lifetime, e.g. an expired one. */
        public Builder issued(Instant at, Duration validFor) {
            this.issuedAt = at;
            this.lifetime = validFor;
            return this;
        }

        public String token() {
            JwtClaimsSet.Builder set = JwtClaimsSet.builder().issuer(issuer).subject(subject).audience(audience)
                    .issuedAt(issuedAt).expiresAt(issuedAt.plus(lifetime)).id(UUID.randomUUID().toString())
                    .claim("roles", List.copyOf(roles));
            claims.forEach(set::claim);
            JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(KEY.getKeyID()).build();
            return ENCODER.encode(JwtEncoderParameters.from(header, set.build())).getTokenValue();
        }

        public String bearer() {
            return "Bearer " + token();
        }
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("test-" + UUID.randomUUID()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
