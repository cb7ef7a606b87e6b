package cn.lishui.police.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ExpiringAuthorizationServiceTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
    final ExpiringAuthorizationService service = new ExpiringAuthorizationService(clock);
    final RegisteredClient client = RegisteredClient.withId("c").clientId("c")
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();

    @Test
    void anAuthorizationIsFoundByItsTokensUntilTheLastOneExpires() {
        OAuth2Authorization authorization = authorization("a1", "access-1", Duration.ofMinutes(15), "refresh-1",
                Duration.ofHours(8));
        service.save(authorization);

        assertThat(service.findByToken("access-1", OAuth2TokenType.ACCESS_TOKEN)).isEqualTo(authorization);
        assertThat(service.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN)).isEqualTo(authorization);
        assertThat(service.findByToken("refresh-1", null)).isEqualTo(authorization);
        assertThat(service.findByToken("refresh-1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(service.findById("a1")).isEqualTo(authorization);

        clock.now = clock.now.plus(Duration.ofHours(1));
        assertThat(service.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN)).isEqualTo(authorization);

        clock.now = clock.now.plus(Duration.ofHours(8));
        assertThat(service.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(service.findById("a1")).isNull();
    }

    @Test
    void expiredAuthorizationsAreDroppedSoMemoryDoesNotGrow() {
        for (int i = 0; i < 1000; i++) {
            service.save(authorization("cc-" + i, "token-" + i, Duration.ofMinutes(15), null, null));
        }
        assertThat(service.size()).isEqualTo(1000);

        clock.now = clock.now.plus(Duration.ofMinutes(16));
        service.save(authorization("fresh", "token-fresh", Duration.ofMinutes(15), null, null));

        assertThat(service.size()).isEqualTo(1);
    }

    @Test
    void savingAgainReplacesTheOldTokenValues() {
        service.save(authorization("a1", "access-1", Duration.ofMinutes(15), "refresh-1", Duration.ofHours(8)));
        OAuth2Authorization rotated = authorization("a1", "access-2", Duration.ofMinutes(15), "refresh-2",
                Duration.ofHours(8));

        service.save(rotated);

        assertThat(service.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(service.findByToken("refresh-2", OAuth2TokenType.REFRESH_TOKEN)).isEqualTo(rotated);
        service.remove(rotated);
        assertThat(service.findByToken("access-2", OAuth2TokenType.ACCESS_TOKEN)).isNull();
    }

    @Test
    void aPendingAuthorizationRequestIsDroppedAfterTenMinutes() {
        OAuth2Authorization pending = OAuth2Authorization.withRegisteredClient(client).id("p").principalName("u")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).attribute("state", "st-1").build();
        service.save(pending);
        assertThat(service.findByToken("st-1", new OAuth2TokenType("state"))).isEqualTo(pending);

        clock.now = clock.now.plus(ExpiringAuthorizationService.PENDING_LIFETIME);

        assertThat(service.findByToken("st-1", new OAuth2TokenType("state"))).isNull();
    }

    private OAuth2Authorization authorization(String id, String access, Duration accessLife, String refresh,
                                              Duration refreshLife) {
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client).id(id)
                .principalName("someone").authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, access, clock.now,
                        clock.now.plus(accessLife), Set.of()));
        if (refresh != null) {
            builder.refreshToken(new OAuth2RefreshToken(refresh, clock.now, clock.now.plus(refreshLife)));
        }
        return builder.build();
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
