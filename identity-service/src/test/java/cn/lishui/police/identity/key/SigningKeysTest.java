package cn.lishui.police.identity.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import cn.lishui.police.platform.error.DomainException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class SigningKeysTest {

    @TempDir
    Path dataDir;

    final Clock clock = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void theEmbeddedDefaultGeneratesAnOwnerOnlyKeyFileOnceAndReadsItBack() throws Exception {
        Path file = dataDir.resolve("identity-service").resolve("jwks.json");

        SigningKeys first = new SigningKeys(new JwksFile(file, true, clock), clock, Duration.ofHours(24));
        SigningKeys second = new SigningKeys(new JwksFile(file, true, clock), clock, Duration.ofHours(24));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(second.active().getKeyID()).isEqualTo(first.active().getKeyID());
        assertThat(second.active().toRSAPrivateKey()).isEqualTo(first.active().toRSAPrivateKey());
    }

    @Test
    void aConfiguredKeyFileMustExistOutsideTheEmbeddedDefault() {
        assertThatThrownBy(() -> new JwksFile(dataDir.resolve("missing.json"), false, clock).load())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aRotationKeepsTheOldKeyPublishedAndSignsWithTheNewOne() throws Exception {
        Path file = dataDir.resolve("jwks.json");
        SigningKeys keys = new SigningKeys(new JwksFile(file, true, clock), clock, Duration.ofHours(24));
        String oldToken = sign(keys);
        String oldKey = keys.active().getKeyID();

        RSAKey fresh = keys.rotate();

        assertThat(keys.active().getKeyID()).isEqualTo(fresh.getKeyID()).isNotEqualTo(oldKey);
        assertThat(keys.published()).extracting(RSAKey::getKeyID).containsExactly(oldKey, fresh.getKeyID());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        assertThat(decoder.decode(oldToken).getSubject()).isEqualTo("someone");
        String newToken = sign(keys);
        assertThat(decoder.decode(newToken).getHeaders()).containsEntry("kid", fresh.getKeyID());
        // and the rotation is on disk: a restart publishes both and signs with the new one
        SigningKeys restarted = new SigningKeys(new JwksFile(file, true, clock), clock, Duration.ofHours(24));
        assertThat(restarted.active().getKeyID()).isEqualTo(fresh.getKeyID());
        assertThat(JWKSet.parse(Files.readString(file)).getKeys()).hasSize(2);
    }

    @Test
    void aKeySupersededLongerAgoThanRetireAfterIsDroppedAtTheNextRotation() {
        MutableClock time = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
        SigningKeys keys = new SigningKeys(new InMemoryKeys(time), time, Duration.ofHours(24));
        String first = keys.active().getKeyID();
        time.now = time.now.plus(Duration.ofHours(1));
        String second = keys.rotate().getKeyID();
        time.now = time.now.plus(Duration.ofHours(23));
        String third = keys.rotate().getKeyID();
        assertThat(keys.published()).extracting(RSAKey::getKeyID).containsExactly(first, second, third);

        time.now = time.now.plus(Duration.ofHours(2));
        String fourth = keys.rotate().getKeyID();

        // the first was superseded 25 h ago; the second 2 h ago
        assertThat(keys.published()).extracting(RSAKey::getKeyID).containsExactly(second, third, fourth);
    }

    @Test
    void keysFromAPemAreReadOnlyAndKeepAStableThumbprintId() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        var previous = generator.generateKeyPair();
        String previousPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(previous.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";

        SigningKeys keys = new SigningKeys(new PemKeys(pem, List.of(previousPem)), clock, Duration.ofHours(24));
        SigningKeys again = new SigningKeys(new PemKeys(pem, List.of(previousPem)), clock, Duration.ofHours(24));

        assertThat(keys.active().getKeyID()).isEqualTo(again.active().getKeyID())
                .isEqualTo(keys.active().computeThumbprint().toString());
        assertThat(keys.published()).hasSize(2);
        assertThat(decode(keys, sign(keys)).getSubject()).isEqualTo("someone");
        assertThatThrownBy(keys::rotate).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("KEY_ROTATION_UNAVAILABLE");
    }

    private static String sign(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(keys::newestOf);
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("someone").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(900)).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    private static Jwt decode(SigningKeys keys, String token) {
        return NimbusJwtDecoder.withJwkSource(keys).build().decode(token);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
