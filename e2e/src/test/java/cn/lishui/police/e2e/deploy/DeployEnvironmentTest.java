package cn.lishui.police.e2e.deploy;

import static cn.lishui.police.e2e.deploy.DeployFiles.listAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.mapAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.mapsAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every environment variable the deployables read (a {@code ${NAME:default}} placeholder in their
 * configuration or the platform's defaults) is given by compose and by the Kubernetes manifests, or is
 * listed below as one that may keep its default there. A service that learns a new variable (another
 * service's URL, a key) and a deployment that does not set it would otherwise talk to 127.0.0.1 in production.
 */
class DeployEnvironmentTest {

    /** Variables compose and Kubernetes may leave at their defaults, with the reason. */
    private static final Map<String, String> DEFAULT_IS_RIGHT = Map.of(
            "HOSTNAME", "set by the container runtime",
            "FENGQIAO_DEMO_PASSWORD", "demo users exist only on the embedded store, never with a MongoDB URI",
            "FENGQIAO_RATE_LIMIT_PER_SECOND", "tuning of the gateway's rate limit; the default fits",
            "FENGQIAO_RATE_LIMIT_BURST", "tuning of the gateway's rate limit; the default fits");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)\\b([A-Z][A-Z0-9_]{2,})=");

    @Test
    void composeGivesEveryVariableTheDeployablesRead() {
        Set<String> given = new TreeSet<>(dockerfileVariables());
        given.addAll(generatedSecrets());
        Map<String, Object> compose = DeployFiles.yamlMap(path("deploy/compose/compose.yaml"));
        mapAt(compose, "services").values().forEach(service -> given.addAll(mapAt(service, "environment").keySet()));
        assertThat(missing(given)).as("variables the deployables read that compose does not set").isEmpty();
    }

    @Test
    void kubernetesGivesEveryVariableTheDeployablesRead() {
        Set<String> given = new TreeSet<>(dockerfileVariables());
        given.addAll(generatedSecrets());
        Map<String, Object> kustomization = DeployFiles.yamlMap(path("deploy/k8s/base/kustomization.yaml"));
        for (Map<String, Object> generator : mapsAt(kustomization, "configMapGenerator")) {
            listAt(generator, "literals").forEach(literal -> given.add(String.valueOf(literal).split("=", 2)[0]));
        }
        for (String overlay : new String[] {"deploy/k8s/base", "deploy/k8s/overlays/local", "deploy/k8s/overlays/production"}) {
            for (Path file : files(path(overlay), ".yaml")) {
                Matcher env = Pattern.compile("(?m)^\\s*- name: ([A-Z][A-Z0-9_]*)\\s*$").matcher(DeployFiles.read(file));
                while (env.find()) {
                    given.add(env.group(1));
                }
            }
        }
        assertThat(missing(given)).as("variables the deployables read that deploy/k8s does not set").isEmpty();
    }

    @Test
    void theDeployablesReadTheVariablesThisCheckKnows() {
        assertThat(read()).contains("FENGQIAO_ISSUER", "FENGQIAO_JWK_SET_URI", "FENGQIAO_SERVICE_CLIENT_SECRET",
                "IDENTITY_SERVICE_URL", "FENGQIAO_IDENTITY_SIGNING_KEY_PEM");
    }

    private static Set<String> missing(Set<String> given) {
        Set<String> missing = new TreeSet<>(read());
        missing.removeAll(given);
        missing.removeAll(DEFAULT_IS_RIGHT.keySet());
        return missing;
    }

    /** The variables named in placeholders of the deployables' configuration and the platform's defaults. */
    private static Set<String> read() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> modules = Files.list(DeployFiles.root())) {
            for (Path resources : modules.map(module -> module.resolve("src/main/resources")).filter(Files::isDirectory).toList()) {
                for (Path file : files(resources, ".yml", ".yaml", ".properties")) {
                    Matcher placeholder = PLACEHOLDER.matcher(DeployFiles.read(file));
                    while (placeholder.find()) {
                        names.add(placeholder.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static Set<String> generatedSecrets() {
        Set<String> names = new TreeSet<>();
        Matcher assignment = ASSIGNMENT.matcher(DeployFiles.read(path("deploy/compose/generate-secrets.sh")));
        while (assignment.find()) {
            names.add(assignment.group(1));
        }
        return names;
    }

    private static Set<String> dockerfileVariables() {
        Set<String> names = new TreeSet<>();
        Matcher assignment = ASSIGNMENT.matcher(DeployFiles.read(path("deploy/docker/Dockerfile")));
        while (assignment.find()) {
            names.add(assignment.group(1));
        }
        return names;
    }

    private static java.util.List<Path> files(Path dir, String... suffixes) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes).anyMatch(suffix -> file.toString().endsWith(suffix)))
                    .filter(file -> !file.toString().contains("/target/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
