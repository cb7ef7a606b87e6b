package cn.lishui.police.e2e.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's deploy/ files as the deploy checks read them, and the command-line tools they run
 * (promtool, kubectl, yamllint). A check whose tool is not installed skips itself with a message naming
 * the Debian package; .ci/run installs them, so CI runs every check.
 */
final class DeployFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeployFiles() {
    }

    /** The repository root: {@code -Dfengqiao.root}, else the nearest directory above the working one with deploy/ and pom.xml. */
    static Path root() {
        String configured = System.getProperty("fengqiao.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("e2e"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (with deploy/ and pom.xml) above " + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /** A YAML file's single document, as maps, lists and scalars (merge keys resolved). */
    static Object yaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return newYaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yamlMap(Path file) {
        return (Map<String, Object>) yaml(file);
    }

    /** Every document of a multi-document YAML text (e.g. what kubectl kustomize prints). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : newYaml().loadAll(text)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    /** A JSON file parsed strictly (Jackson): maps, lists and scalars. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Path file) {
        return JSON.readValue(file.toFile(), Map.class);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(16 * 1024 * 1024);
        return new Yaml(new SafeConstructor(options));
    }

    // --- navigation in parsed YAML/JSON ---------------------------------------------------------------

    /** The value at a path of map keys (and list indexes as numbers), or null where it is missing. */
    @SuppressWarnings("unchecked")
    static Object at(Object node, Object... steps) {
        Object current = node;
        for (Object step : steps) {
            if (current instanceof Map<?, ?> map) {
                current = ((Map<String, Object>) map).get(String.valueOf(step));
            } else if (current instanceof List<?> list && step instanceof Integer index) {
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapAt(Object node, Object... steps) {
        Object value = at(node, steps);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> listAt(Object node, Object... steps) {
        Object value = at(node, steps);
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> mapsAt(Object node, Object... steps) {
        return listAt(node, steps).stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList();
    }

    static String stringAt(Object node, Object... steps) {
        Object value = at(node, steps);
        return value == null ? null : String.valueOf(value);
    }

    // --- tools ----------------------------------------------------------------------------------------

    /** Skips the calling check (JUnit assumption) when {@code tool} is not on the PATH, saying how to get it. */
    static void assumeTool(String tool, String howToInstall) {
        assumeTrue(onPath(tool), () -> tool + " is not on the PATH, so this check is skipped: " + howToInstall);
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** A finished command: its exit code and its output (stdout and stderr together). */
    record Result(int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }

        String describe(List<String> command) {
            return String.join(" ", command) + " exited with " + exitCode + ":\n" + output;
        }
    }

    /** Runs a command in the repository root, at most two minutes. */
    static Result run(List<String> command) {
        try {
            Path log = Files.createTempFile("fengqiao-deploy-check", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(root().toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, "timed out after 120 s\n" + Files.readString(log));
                }
                return new Result(process.exitValue(), Files.readString(log));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
