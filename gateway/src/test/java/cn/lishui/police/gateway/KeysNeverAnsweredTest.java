package cn.lishui.police.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An identity service that takes the connection for its keys and never answers: the request that needed them is
 * answered 503 after the fetch's short timeouts, with a problem body, not left waiting for the caller's own
 * timeout (KeysUnavailableTest covers a service that refuses the connection).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeysNeverAnsweredTest {

    private static final UpstreamStub services = UpstreamStub.start();
    private static final List<Socket> HELD = new CopyOnWriteArrayList<>();
    private static final ServerSocket SILENT_KEYS = silentServer();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + SILENT_KEYS.getLocalPort() + "/oauth2/jwks");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.ISSUER);
        registry.add("fengqiao.services.grid-url", services::url);
    }

    @AfterAll
    static void stop() throws IOException {
        services.close();
        SILENT_KEYS.close();
        for (Socket socket : HELD) {
            socket.close();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void aKeyFetchThatIsNeverAnsweredIsA503ProblemWithinSeconds() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();

        client.get().uri("/api/grid/regions").header("Authorization", TestIssuer.bearer("officer-10", "GRID_OFFICER"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");

        assertThat(HELD).as("the key fetch reached the silent service").isNotEmpty();
        assertThat(services.lastRequestTo("/api/grid/regions")).isEmpty();
    }

    /** Accepts connections and holds them without reading or answering. */
    private static ServerSocket silentServer() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        HELD.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-keys");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
