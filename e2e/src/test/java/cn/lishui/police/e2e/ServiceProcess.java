package cn.lishui.police.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * One deployable running from (a copy of) its packaged jar in a JVM of its own, on a free loopback port,
 * with its output in a log file. It can be started again after it stops or is killed: same port, same data
 * directory, a new log file.
 */
final class ServiceProcess {

    static final int LOG_TAIL_LINES = 40;
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final java.util.Random PORTS = new java.security.SecureRandom();
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Deployable deployable;
    private final int port;
    private final Path jar;
    private final Path dataDir;
    private final Path logDir;
    private final Map<String, String> environment;
    private Process process;
    private Path log;
    private int starts;

    ServiceProcess(Deployable deployable, Path jar, int port, Path dataDir, Path logDir,
                   Map<String, String> environment) {
        this.deployable = deployable;
        this.port = port;
        this.jar = jar;
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.environment = Map.copyOf(environment);
    }

    Deployable deployable() {
        return deployable;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    URI url(String path) {
        return baseUrl().resolve(path);
    }

    /** The output of the current (or last) run of this process. */
    Path log() {
        return log;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Starts the JVM; returns at once (see {@link #awaitReady}). */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(deployable.module() + " is already running");
        }
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(deployable.module() + ": no jar at " + jar);
        }
        starts++;
        log = logDir.resolve(deployable.module() + (starts == 1 ? "" : "-" + starts) + ".log");
        List<String> command = new ArrayList<>();
        command.add(E2eSettings.javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // a fresh embedded store: never a MongoDB the machine running the tests happens to configure
        builder.environment().remove("SPRING_MONGODB_URI");
        builder.environment().put("FENGQIAO_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logDir);
            Files.createDirectories(dataDir);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + deployable.module(), e);
        }
    }

    /** Waits until {@link #checkReady} says so. */
    void awaitReady(long deadlineNanos) {
        while (!checkReady(deadlineNanos)) {
            sleep(Duration.ofMillis(250));
        }
    }

    /**
     * Whether {@code /actuator/health/readiness} answers UP now. Fails with the log tail when the process
     * has exited or the deadline (a {@link System#nanoTime()} value) has passed.
     */
    boolean checkReady(long deadlineNanos) {
        URI readiness = url("/actuator/health/readiness");
        if (!process.isAlive()) {
            throw new AssertionError(deployable.module() + " exited with code " + process.exitValue()
                    + " before it was ready\n" + logTail());
        }
        if (isReady(readiness)) {
            return true;
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new AssertionError(deployable.module() + " was not ready (GET " + readiness
                    + " != UP) within the start timeout\n" + logTail());
        }
        return false;
    }

    private static boolean isReady(URI readiness) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && "UP".equals(JSON.readTree(response.body()).path("status").asString());
        } catch (IOException | RuntimeException e) {
            return false; // not listening yet, or not answering JSON yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for readiness", e);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL (on Linux {@link Process#destroyForcibly()} sends it): no shutdown hook runs. Returns the exit code. */
    int kill() {
        process.destroyForcibly();
        return waitForExit(Duration.ofSeconds(30));
    }

    /** A graceful stop (SIGTERM), forced when it takes too long. Safe to call when not running. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Forcibly, without waiting: for the JVM shutdown hook. */
    void destroyForcibly() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(deployable.module() + " did not exit within " + timeout + "\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + deployable.module() + " to exit", e);
        }
    }

    /** The last {@value #LOG_TAIL_LINES} lines of the current run's output, headed by the log file's path. */
    String logTail() {
        if (log == null) {
            return "(" + deployable.module() + " was never started)";
        }
        try {
            // leniently decoded: a log tail must never fail on a stray byte
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            // a tail can be all stack frames: name the last error logged as well
            String lastError = "";
            for (int i = lines.size() - 1; i >= 0 && lastError.isEmpty(); i--) {
                if (lines.get(i).contains(" ERROR ")) {
                    lastError = "last ERROR line: " + lines.get(i) + "\n";
                }
            }
            return lastError + "--- last " + tail.size() + " lines of " + log + " ---\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /**
     * A free loopback port below the kernel's ephemeral range (32768-60999 on Linux). A port taken from
     * the ephemeral range (bind to 0) can be handed out again, before the service binds it, to any
     * other socket that binds to 0 meanwhile, such as the embedded MongoDB of a service starting in
     * parallel; ports below the range are only ever taken by an explicit bind.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20000 + PORTS.nextInt(12000);
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("No free port in 20000-31999"));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    @Override
    public String toString() {
        return deployable.module() + "@" + baseUrl();
    }
}
