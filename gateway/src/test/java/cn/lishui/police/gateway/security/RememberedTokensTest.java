package cn.lishui.police.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import cn.lishui.police.platform.security.VerifiedTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway's reactive decoder over the platform's {@link VerifiedTokens} (whose rules VerifiedTokensTest checks). */
class RememberedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final List<String> checked = new ArrayList<>();
    private final ReactiveJwtDecoder decoder = token -> {
        checked.add(token);
        return token.equals("good") ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("officer")
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(600)).build())
                : Mono.error(new BadJwtException("bad token"));
    };
    private final ReactiveJwtDecoder remembering = GatewaySecurityConfiguration.remembering(decoder,
            new VerifiedTokens(100, Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void anAcceptedTokenIsCheckedOnceAndARejectedOneEveryTime() {
        assertThat(remembering.decode("good").block().getSubject()).isEqualTo("officer");
        assertThat(remembering.decode("good").block().getSubject()).isEqualTo("officer");
        assertThatThrownBy(() -> remembering.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> remembering.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("good", "forged", "forged");
    }
}
