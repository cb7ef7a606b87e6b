package cn.lishui.police.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final List<String> checked = new ArrayList<>();
    private final Map<String, Jwt> valid = Map.of(
            "token-a", jwt("a", NOW.plusSeconds(600)),
            "token-b", jwt("b", NOW.plusSeconds(600)),
            "token-c", jwt("c", NOW.plusSeconds(600)),
            "no-expiry", jwt("d", null));
    private final JwtDecoder decoder = token -> {
        checked.add(token);
        Jwt jwt = valid.get(token);
        if (jwt == null) {
            throw new BadJwtException("bad token");
        }
        return jwt;
    };

    @Test
    void aTokenCheckedOnceIsNotCheckedAgainUntilItExpires() {
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokens kept = new VerifiedTokens(100, clock);
        JwtDecoder tokens = kept.decoding(decoder);

        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("a");
        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("a");
        clock.now = NOW.plusSeconds(599);
        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("a");
        assertThat(checked).containsExactly("token-a");

        clock.now = NOW.plusSeconds(600); // expired: the decoder decides again (and rejects it, with its clock)
        tokens.decode("token-a");
        assertThat(checked).containsExactly("token-a", "token-a");
    }

    @Test
    void aRejectedTokenIsRejectedEveryTimeAndNeverKept() {
        VerifiedTokens kept = new VerifiedTokens(100, new MutableClock(NOW));
        JwtDecoder tokens = kept.decoding(decoder);

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
        assertThat(kept.size()).isZero();
    }

    @Test
    void aTokenWithoutExpiryIsCheckedEveryTime() {
        VerifiedTokens kept = new VerifiedTokens(100, new MutableClock(NOW));
        JwtDecoder tokens = kept.decoding(decoder);

        tokens.decode("no-expiry");
        tokens.decode("no-expiry");

        assertThat(checked).containsExactly("no-expiry", "no-expiry");
    }

    @Test
    void noMoreThanTheLimitIsKept() {
        VerifiedTokens kept = new VerifiedTokens(2, new MutableClock(NOW));
        JwtDecoder tokens = kept.decoding(decoder);

        tokens.decode("token-a");
        tokens.decode("token-b");
        tokens.decode("token-c");

        assertThat(kept.size()).isLessThanOrEqualTo(2);
        tokens.decode("token-c");
        assertThat(checked).containsExactly("token-a", "token-b", "token-c");
    }

    private static Jwt jwt(String subject, Instant expiresAt) {
        Jwt.Builder builder = Jwt.withTokenValue("value-" + subject).header("alg", "RS256").subject(subject)
                .issuedAt(NOW.minus(Duration.ofMinutes(1)));
        if (expiresAt != null) {
            builder.expiresAt(expiresAt);
        }
        return builder.build();
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
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
