package cn.lishui.police.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import cn.lishui.police.identity.IdentityServiceTest;
import cn.lishui.police.identity.AuthorizationPages;
import cn.lishui.police.identity.OAuth;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@IdentityServiceTest
class LockoutTest {

    static final String PASSWORD = "Lishui-Spring-2026";

    @LocalServerPort
    int port;

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PersonalDataProtector protector;

    OAuth oauth;

    @BeforeEach
    void client() {
        oauth = new OAuth(port);
    }

    @Test
    void fiveFailuresInARowLockTheAccountEvenForTheRightPassword() {
        String phone = signUp();
        for (int i = 1; i <= 4; i++) {
            assertThat(oauth.password(phone, "Wrong-Password-" + i).body())
                    .containsEntry("error", "invalid_grant").containsEntry("error_description", "bad credentials");
        }

        assertThat(oauth.password(phone, "Wrong-Password-5").body())
                .containsEntry("error", "invalid_grant").containsEntry("error_description", "account locked");
        OAuth.Answer rightPassword = oauth.password(phone, PASSWORD);
        assertThat(rightPassword.status()).isEqualTo(400);
        assertThat(rightPassword.body()).containsEntry("error", "invalid_grant")
                .containsEntry("error_description", "account locked");
        UserAccount stored = account(phone);
        assertThat(stored.lockedUntil()).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 5));
    }

    @Test
    void aSuccessResetsTheCount() {
        String phone = signUp();
        for (int i = 0; i < 4; i++) {
            oauth.password(phone, "Wrong-Password-" + i);
        }
        assertThat(oauth.password(phone, PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            oauth.password(phone, "Wrong-Password-" + i);
        }

        assertThat(oauth.password(phone, PASSWORD).status()).isEqualTo(200);
        assertThat(account(phone).failedLogins()).isZero();
    }

    @Test
    void whenTheLockHasExpiredTheRightPasswordWorksAgain() {
        String phone = signUp();
        for (int i = 0; i < 5; i++) {
            oauth.password(phone, "Wrong-Password-" + i);
        }
        assertThat(oauth.password(phone, PASSWORD).get("error_description")).isEqualTo("account locked");

        mongo.updateFirst(Query.query(Criteria.where("id").is(account(phone).id())),
                new Update().set("lockedUntil", Instant.now().minusSeconds(1)), UserAccount.class);

        assertThat(oauth.password(phone, PASSWORD).status()).isEqualTo(200);
        assertThat(account(phone).lockedUntil()).isNull();
    }

    @Test
    void theLoginFormIsLockedOutToo() {
        String phone = signUp();
        for (int i = 0; i < 5; i++) {
            oauth.password(phone, "Wrong-Password-" + i);
        }
        var loginPage = oauth.get("/login", Map.of("Accept", "text/html"));
        String csrf = AuthorizationPages.csrfToken(loginPage.body());

        var response = oauth.postForm("/login", Map.of("username", phone, "password", PASSWORD, "_csrf", csrf));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    private String signUp() {
        String phone = OAuth.freshPhone();
        http.post().uri("/api/identity/citizens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("phone", phone, "password", PASSWORD, "displayName", "锁定测试"))
                .exchange().expectStatus().isCreated();
        return phone;
    }

    private UserAccount account(String phone) {
        String blindIndex = protector.blindIndex(PersonalDataKind.PHONE, phone);
        return mongo.findOne(Query.query(Criteria.where("phone.blindIndex").is(blindIndex)), UserAccount.class);
    }
}
