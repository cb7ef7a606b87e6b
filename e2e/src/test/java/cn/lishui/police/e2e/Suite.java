package cn.lishui.police.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A set of deployables started together from their packaged jars, each in its own JVM on a free port,
 * sharing one fresh data directory (each service keeps its store in its own sub-directory), told each
 * other's URLs through the {@code *_SERVICE_URL} variables and the identity service's through the
 * security settings. Start it once per test class and close it in {@code @AfterAll}: every process is
 * stopped, even when a test failed or the start did.
 */
final class Suite implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Meets the identity service's password policy (10+ characters of 3+ kinds). */
    private static final String DEMO_PASSWORD = "E2e-" + randomSecret().substring(0, 12) + "-Pw9";

    private final Path directory;
    private final Map<Deployable, ServiceProcess> processes;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Thread shutdownHook;

    private Suite(Path directory, Map<Deployable, ServiceProcess> processes) {
        this.directory = directory;
        this.processes = processes;
        // a safety net when the test JVM ends without @AfterAll (e.g. killed by a timeout)
        this.shutdownHook = new Thread(() -> processes.values().forEach(ServiceProcess::destroyForcibly),
                "e2e-suite-" + directory.getFileName() + "-killer");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the deployables in parallel under {@code e2e/target/e2e/<name>/} (emptied first) and waits
     * until every one is ready. Fails with the log tail of the first process that exits or is not
     * ready in time, after stopping all of them.
     */
    static Suite start(String name, Deployable... deployables) {
        return start(name, Map.of(), deployables);
    }

    /** As {@link #start(String, Deployable...)}, with more environment for every process (e.g. demo data on). */
    static Suite start(String name, Map<String, String> extraEnvironment, Deployable... deployables) {
        List<String> missing = Stream.of(deployables).map(E2eSettings::jarOf)
                .filter(jar -> !Files.isRegularFile(jar)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("No packaged jar at " + String.join(", ", missing)
                    + " (package the deployables first: ./mvnw -B verify from the repository root)");
        }
        Path directory = E2eSettings.workDir().resolve(name);
        deleteRecursively(directory);
        Map<Deployable, Integer> ports = new EnumMap<>(Deployable.class);
        for (Deployable deployable : deployables) {
            int port = ServiceProcess.freePort();
            while (ports.containsValue(port)) {
                port = ServiceProcess.freePort();
            }
            ports.put(deployable, port);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        ports.forEach((deployable, port) -> environment.put(deployable.urlVariable(), "http://127.0.0.1:" + port));
        environment.putAll(securityEnvironment(ports));
        environment.putAll(extraEnvironment);

        Map<Deployable, ServiceProcess> processes = new EnumMap<>(Deployable.class);
        ports.forEach((deployable, port) -> processes.put(deployable, new ServiceProcess(deployable,
                copyOfJar(deployable, directory.resolve("jars")), port, directory.resolve("data"),
                directory.resolve("logs"), environment)));
        Suite suite = new Suite(directory, processes);
        try {
            processes.values().forEach(ServiceProcess::start);
            suite.awaitReady(processes.values());
            return suite;
        } catch (RuntimeException | Error e) {
            suite.close();
            throw e;
        }
    }

    /**
     * The security contract pointed at this suite's ports: the identity service signs tokens for the
     * gateway's URL as issuer (or its own, without a gateway) and every resource server fetches its keys;
     * the service clients' secret and the demo users' password are made up for this run.
     */
    private static Map<String, String> securityEnvironment(Map<Deployable, Integer> ports) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("FENGQIAO_SERVICE_CLIENT_SECRET", randomSecret());
        environment.put("FENGQIAO_DEMO_PASSWORD", DEMO_PASSWORD);
        Integer identity = ports.get(Deployable.IDENTITY);
        if (identity != null) {
            String identityUrl = "http://127.0.0.1:" + identity;
            Integer gateway = ports.get(Deployable.GATEWAY);
            environment.put("FENGQIAO_ISSUER", gateway != null ? "http://127.0.0.1:" + gateway : identityUrl);
            environment.put("FENGQIAO_JWK_SET_URI", identityUrl + "/oauth2/jwks");
            environment.put("FENGQIAO_TOKEN_URI", identityUrl + "/oauth2/token");
        }
        return environment;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * An access token of a demo user of the identity service ({@code demo-citizen}, {@code demo-admin},
     * ...; they exist in the embedded default), by the direct password grant of {@code fengqiao-cli},
     * through the gateway when the suite has one. Kept for the suite's lifetime (tokens live 15 min).
     */
    /** Everything the suite's processes have written to their logs so far. */
    String allLogs() {
        StringBuilder logs = new StringBuilder();
        for (ServiceProcess process : processes.values()) {
            try {
                if (process.log() != null && java.nio.file.Files.exists(process.log())) {
                    logs.append(java.nio.file.Files.readString(process.log(), java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return logs.toString();
    }

    /** The demo users' password of this run (to sign in through the identity service's page). */
    String demoPassword() {
        return DEMO_PASSWORD;
    }

    String accessToken(String username) {
        return tokens.computeIfAbsent(username, this::requestToken);
    }

    private String requestToken(String username) {
        URI tokenEndpoint = processes.containsKey(Deployable.GATEWAY) ? gateway("/oauth2/token")
                : process(Deployable.IDENTITY).url("/oauth2/token");
        Http.Response response = Http.postForm(tokenEndpoint, Map.of(
                "grant_type", "password", "client_id", "fengqiao-cli",
                "username", username, "password", DEMO_PASSWORD));
        if (response.status() != 200 || response.json().path("access_token").asString().isEmpty()) {
            throw new AssertionError("No access token for " + username + ": " + response);
        }
        return response.json().path("access_token").asString();
    }

    private void awaitReady(Iterable<ServiceProcess> starting) {
        long deadline = System.nanoTime() + E2eSettings.startTimeout().toNanos();
        List<ServiceProcess> pending = new ArrayList<>();
        starting.forEach(pending::add);
        while (!pending.isEmpty()) {
            for (ServiceProcess process : List.copyOf(pending)) {
                try {
                    if (process.checkReady(deadline)) {
                        pending.remove(process);
                    }
                } catch (AssertionError notStarting) {
                    pending.remove(process);
                    throw new AssertionError(notStarting.getMessage()
                            + (pending.isEmpty() ? "" : "\n(still starting then: " + pending + ")"), notStarting.getCause());
                }
            }
            if (!pending.isEmpty()) {
                ServiceProcess.sleep(Duration.ofMillis(250));
            }
        }
    }

    ServiceProcess process(Deployable deployable) {
        ServiceProcess process = processes.get(deployable);
        if (process == null) {
            throw new IllegalArgumentException(deployable + " is not part of this suite");
        }
        return process;
    }

    /** {@code path} on the gateway. */
    URI gateway(String path) {
        return process(Deployable.GATEWAY).url(path);
    }

    Path directory() {
        return directory;
    }

    /** Stops every process gracefully (forcibly if that takes too long); the logs stay for inspection. */
    @Override
    public void close() {
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess process : processes.values()) {
            Thread stopper = new Thread(process::stop, "e2e-stop-" + process.deployable().module());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.values().forEach(ServiceProcess::destroyForcibly);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    /**
     * The suite runs copies: a module rebuilt meanwhile (a developer's build in another terminal) would
     * otherwise change the jar under a running JVM, which then fails on its next class load.
     */
    private static Path copyOfJar(Deployable deployable, Path jars) {
        Path jar = E2eSettings.jarOf(deployable);
        try {
            Files.createDirectories(jars);
            return Files.copy(jar, jars.resolve(jar.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + jar, e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + directory, e);
        }
    }
}
