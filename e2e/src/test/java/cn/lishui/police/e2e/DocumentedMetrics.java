package cn.lishui.police.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The business metrics table of {@code docs/metrics.md}: name, labels and the service that exports each. */
final class DocumentedMetrics {

    record Metric(String name, List<String> labels, String service) {
    }

    private static final Pattern CODE = Pattern.compile("`([a-z_]+)`");

    private DocumentedMetrics() {
    }

    static List<Metric> business() {
        List<String> lines;
        try {
            lines = Files.readAllLines(E2eSettings.root().resolve("docs/metrics.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Metric> metrics = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inTable = line.startsWith("## Business metrics");
                continue;
            }
            if (!inTable || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            // | name | type | labels | meaning | service |
            String name = cells[1].strip().replace("`", "");
            List<String> labels = new ArrayList<>();
            Matcher label = CODE.matcher(cells[3].replaceAll("\\([^)]*\\)", ""));
            while (label.find()) {
                labels.add(label.group(1));
            }
            metrics.add(new Metric(name, List.copyOf(labels), cells[5].strip()));
        }
        if (metrics.isEmpty()) {
            throw new AssertionError("docs/metrics.md has no business metrics table");
        }
        return metrics;
    }
}
