package cn.lishui.police.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import cn.lishui.police.platform.testapp.PlatformTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A service keeps a keep-alive connection for many answers (the platform's
 * {@code server.tomcat.max-keep-alive-requests}): Tomcat's own default closed it after 100, and the gateway's pool
 * and nginx then opened a new connection to the service every 100 requests (docs/benchmarks.md, session 15).
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeepAliveTest {

    private static final int REQUESTS = 250;

    @LocalServerPort
    int port;

    @Test
    void oneConnectionCarriesHundredsOfRequests() throws IOException {
        StringBuilder requests = new StringBuilder();
        for (int i = 1; i <= REQUESTS; i++) {
            // the last one asks the service to close: the answers end there
            requests.append("GET /api/test/long-answers?lines=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n")
                    .append(i == REQUESTS ? "Connection: close\r\n" : "").append("\r\n");
        }
        String answers;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            answers = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(Pattern.compile("HTTP/1\\.1 200 \r\n").matcher(answers).results().count())
                .as("answers on one connection").isEqualTo(REQUESTS);
        assertThat(Pattern.compile("(?im)^Connection: close").matcher(answers).results().count())
                .as("the connection closed only after the last").isEqualTo(1);
    }
}
