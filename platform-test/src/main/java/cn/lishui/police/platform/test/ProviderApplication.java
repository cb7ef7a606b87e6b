package cn.lishui.police.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

/**
 * A provider service running from its packaged jar in a JVM of its own, for a consumer's contract test:
 * the consumer's real Feign client talks to the real provider over HTTP, with {@link TestTokens} tokens.
 * The provider runs on a fresh in-memory store, without demo data, and validates tokens against the
 * test key, whose JWK set this class serves on a loopback port.
 * <p>
 * The jar is {@code ../<module>/target/<module>-<version>.jar}, built by the reactor before the consumer
 * (the consumer's pom orders the reactor, see mediation-service's pom). Running one module alone needs
 * that jar first: {@code ./mvnw -B -pl <module> package -DskipTests}.
 *
 * <pre>{@code
 * try (ProviderApplication grid = ProviderApplication.start("grid-service")) {
 *     client pointed at grid.url() ...
 * }
 * }</pre>
 */
public final class ProviderApplication implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");

    private final String module;
    private final int port;
    private final Process process;
    private final Path log;
    private final HttpServer jwks;

    private ProviderApplication(String module, int port, Process process, Path log, HttpServer jwks) {
        this.module = module;
        this.port = port;
        this.process = process;
        this.log = log;
        this.jwks = jwks;
    }

    /**
     * Starts {@code module}'s jar and waits until it is ready.
     *
     * @param properties extra {@code name=value} settings, passed as command-line arguments; one named like a
     *                   default above (e.g. {@code fengqiao.demo-data.enabled=true}) replaces it
     */
    public static ProviderApplication start(String module, String... properties) {
        Path jar = jarOf(module);
        HttpServer jwks = serveJwks();
        int port = freePort();
        Path work = Path.of("target", "providers", module + "-" + port).toAbsolutePath();
        Path log = work.resolve(module + ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", Integer.toString(port));
        settings.put("fengqiao.mongo.embedded.persistence", "memory");
        settings.put("fengqiao.demo-data.enabled", "false");
        settings.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
        settings.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER);
        for (String property : properties) {
            int equals = property.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("A setting is name=value: " + property);
            }
            // a setting given here replaces the default of the same name (a repeated option would be joined)
            settings.put(property.substring(0, equals), property.substring(equals + 1));
        }
        settings.forEach((name, value) -> command.add("--" + name + "=" + value));
        Process process;
        try {
            Files.createDirectories(work);
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("SPRING_MONGODB_URI");
            builder.environment().put("FENGQIAO_DATA_DIR", work.resolve("data").toString());
            process = builder.start();
        } catch (IOException e) {
            jwks.stop(0);
            throw new UncheckedIOException("Cannot start " + module + " from " + jar, e);
        }
        ProviderApplication provider = new ProviderApplication(module, port, process, log, jwks);
        try {
            provider.awaitReady();
        } catch (RuntimeException | AssertionError e) {
            provider.close();
            throw e;
        }
        return provider;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The provider's output so far, e.g. to explain a failing contract. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the provider at once (SIGKILL): a contract test can so see how its client behaves when it is down. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        jwks.stop(0);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI readiness = URI.create(url() + "/actuator/health/readiness");
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError(module + " exited with code " + process.exitValue()
                        + " before it was ready\n" + tail());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + module, e);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(module + " was not ready within " + START_TIMEOUT + "\n" + tail());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + module, e);
            }
        }
    }

    private String tail() {
        String all = log();
        return all.length() <= 6000 ? all : all.substring(all.length() - 6000);
    }

    static Path jarOf(String module) {
        Path target = Path.of("..", module, "target").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(target)) {
            Pattern packaged = Pattern.compile(
                    Pattern.quote(module) + "-\\d[\\w.]*(-SNAPSHOT)?\\.jar");
            return files.filter(path -> packaged.matcher(path.getFileName().toString()).matches())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(noJar(module, target)));
        } catch (IOException e) {
            throw new AssertionError(noJar(module, target), e);
        }
    }

    private static String noJar(String module, Path target) {
        return "No packaged jar of " + module + " in " + target + ": the reactor builds it before its consumers; "
                + "to run one module alone, first ./mvnw -B -pl " + module + " package -DskipTests";
    }

    private static HttpServer serveJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = TestTokens.jwkSetJson().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the test JWK set", e);
        }
    }

    /** A free loopback port below the ephemeral range (an outgoing connection cannot take it meanwhile). */
    private static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No free port found in 20000-31999");
    }
}
