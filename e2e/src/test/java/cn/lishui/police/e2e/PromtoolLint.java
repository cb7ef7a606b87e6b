package cn.lishui.police.e2e;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code promtool check metrics} over a scrape, where promtool is installed (.ci/run installs it). */
final class PromtoolLint {

    /**
     * @param parsed   false when promtool could not parse the text (exit code 1 or "error while linting")
     * @param findings promtool's lint findings, one per line ("metric_name problem")
     */
    record Result(boolean parsed, List<String> findings, String output) {

        List<String> findingsAbout(String... prefixes) {
            return findings.stream().filter(line -> {
                for (String prefix : prefixes) {
                    if (line.startsWith(prefix)) {
                        return true;
                    }
                }
                return false;
            }).toList();
        }
    }

    private PromtoolLint() {
    }

    /** The lint of the scrape, or {@code null} when promtool is not installed. */
    static Result check(String scrape) throws IOException, InterruptedException {
        Path promtool = onPath("promtool");
        if (promtool == null) {
            return null;
        }
        Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(scrape.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool check metrics did not finish within 60 s");
        }
        // exit 0: clean; 3: lint findings; 1: the text did not parse
        boolean parsed = process.exitValue() != 1 && !output.contains("error while linting");
        return new Result(parsed, output.lines().filter(line -> !line.isBlank()).toList(), output);
    }

    private static Path onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
