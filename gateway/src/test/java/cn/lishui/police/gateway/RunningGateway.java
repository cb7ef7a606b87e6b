package cn.lishui.police.gateway;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A test of the gateway started on a random port ({@code @SpringBootTest(webEnvironment = RANDOM_PORT)}): a client
 * to it, with a timeout that allows for a shared, busy machine.
 */
abstract class RunningGateway {

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = clientFor(WebTestClient.bindToServer().baseUrl(gatewayUrl()).responseTimeout(Duration.ofSeconds(30)));
    }

    /** The client the tests use; a test adds its own defaults here. */
    WebTestClient clientFor(WebTestClient.Builder builder) {
        return builder.build();
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + port;
    }
}
