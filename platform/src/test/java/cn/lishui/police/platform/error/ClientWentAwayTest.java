package cn.lishui.police.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import cn.lishui.police.platform.testapp.Http;
import cn.lishui.police.platform.testapp.PlatformTestApplication;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A client that closes its connection while its answer is being written (wrk stopping, the gateway giving up)
 * is not a server error: no "Server error" with a stack trace in the log, no problem body written to a closed
 * connection, and the service answers the next request as usual.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.cn.lishui.police.platform.error=debug")
@ExtendWith(OutputCaptureExtension.class)
class ClientWentAwayTest {

    private static final String GONE = "Client went away while the answer to /api/test/long-answers was written";

    @LocalServerPort
    int port;

    @Test
    void aClientThatHungUpBeforeItsAnswerWasWrittenIsOneDebugLineAndNoServerError(CapturedOutput output)
            throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/test/long-answers?delayMillis=300 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } // closed before the service starts writing its ~3 MB answer

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!output.getAll().contains(GONE) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(output.getAll()).contains(GONE);
        assertThat(output.getAll()).doesNotContain("Server error").doesNotContain("Unexpected error")
                .doesNotContain("Broken pipe\n\tat ").doesNotContain("HttpMessageNotWritableException:");

        Http.Response next = new Http(port).get("/api/test/long-answers?lines=2", java.util.Map.of());
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().size()).isEqualTo(2);
    }

    @Test
    void onlyTheResponsesOwnStreamCountsAsTheClientGoingAway() {
        IOException brokenPipe = new IOException("Broken pipe");
        assertThat(ProblemExceptionHandler.clientWentAway(new HttpMessageNotWritableException("Could not write JSON",
                new AsyncRequestNotUsableException("ServletOutputStream failed to write", new ClientAbortException(brokenPipe)))))
                .isTrue();
        assertThat(ProblemExceptionHandler.clientWentAway(new ClientAbortException(brokenPipe))).isTrue();
        // an outgoing call whose peer reset the connection is still a server error
        assertThat(ProblemExceptionHandler.clientWentAway(new IllegalStateException("call to mediation-service failed",
                new IOException("Connection reset by peer")))).isFalse();
        assertThat(ProblemExceptionHandler.clientWentAway(new HttpMessageNotWritableException("Could not write JSON",
                new IllegalStateException("no serializer")))).isFalse();
    }
}
