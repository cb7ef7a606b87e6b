package cn.lishui.police.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lishui.police.identity.IdentityServiceTest;
import cn.lishui.police.identity.OAuth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Where the password grant is switched off (the default outside the embedded default) it does not exist. */
@IdentityServiceTest
@TestPropertySource(properties = "fengqiao.identity.password-grant.enabled=false")
class PasswordGrantDisabledTest {

    @LocalServerPort
    int port;

    @Test
    void thePasswordGrantIsAnUnsupportedGrantType() {
        OAuth.Answer answer = new OAuth(port).password("demo-citizen", OAuth.DEMO_PASSWORD);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).containsEntry("error", "unsupported_grant_type");
    }

    @Test
    void clientCredentialsStillWork() {
        assertThat(new OAuth(port).clientCredentials("public-service", OAuth.SERVICE_SECRET).status()).isEqualTo(200);
    }
}
