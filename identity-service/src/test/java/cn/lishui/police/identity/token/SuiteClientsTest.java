package cn.lishui.police.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** The clients as production configures them, where nothing is invented. */
class SuiteClientsTest {

    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final MockEnvironment production = new MockEnvironment().withProperty("spring.mongodb.uri", "mongodb://db/x");

    @Test
    void thePasswordGrantIsOffInProductionUnlessSwitchedOn() {
        assertThat(SuiteClients.passwordGrantEnabled(properties(null, Map.of(), null), production)).isFalse();
        assertThat(SuiteClients.passwordGrantEnabled(properties(null, Map.of(), true), production)).isTrue();
        assertThat(SuiteClients.passwordGrantEnabled(properties(null, Map.of(), null), new MockEnvironment())).isTrue();
        assertThat(SuiteClients.passwordGrantEnabled(properties(null, Map.of(), false), new MockEnvironment())).isFalse();
    }

    @Test
    void aServiceClientWithoutASecretStopsProductionFromStarting() {
        assertThatThrownBy(() -> SuiteClients.all(properties(null, Map.of(), null), encoder, production))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("grid-service");
    }

    @Test
    void eachServiceClientMayHaveItsOwnSecret() {
        Map<String, ClientProperties.ServiceClient> own = Map.of(
                "grid-service", new ClientProperties.ServiceClient("grid-secret"),
                "mediation-service", new ClientProperties.ServiceClient("mediation-secret"));

        List<RegisteredClient> clients = SuiteClients.all(properties("shared", own, null), encoder, production);

        RegisteredClient grid = clients.stream().filter(c -> c.getClientId().equals("grid-service")).findFirst().orElseThrow();
        RegisteredClient overseas = clients.stream().filter(c -> c.getClientId().equals("overseas-service")).findFirst()
                .orElseThrow();
        assertThat(encoder.matches("grid-secret", grid.getClientSecret())).isTrue();
        assertThat(encoder.matches("shared", overseas.getClientSecret())).isTrue();
        assertThat(grid.getClientSecret()).startsWith("{bcrypt}");
        assertThat(clients).extracting(RegisteredClient::getClientId).contains("fengqiao-web", "fengqiao-cli",
                "grid-service", "mediation-service", "public-service", "overseas-service");
        RegisteredClient cli = clients.stream().filter(c -> c.getClientId().equals("fengqiao-cli")).findFirst().orElseThrow();
        assertThat(cli.getAuthorizationGrantTypes()).doesNotContain(PasswordGrant.TYPE);
    }

    private static ClientProperties properties(String sharedSecret, Map<String, ClientProperties.ServiceClient> own,
                                               Boolean passwordGrant) {
        return new ClientProperties(null, null, sharedSecret, own, List.of("https://app.example/cb"), List.of(),
                new ClientProperties.PasswordGrant(passwordGrant));
    }
}
