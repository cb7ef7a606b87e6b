package cn.lishui.police.e2e.deploy;

import static cn.lishui.police.e2e.deploy.DeployFiles.at;
import static cn.lishui.police.e2e.deploy.DeployFiles.mapsAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.path;
import static cn.lishui.police.e2e.deploy.DeployFiles.stringAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md is the one list of metrics: every PromQL expression of the dashboards and the alert
 * rules names only metrics listed there, and every business metric listed there is still registered
 * somewhere in the code (its Micrometer name appears in a main source).
 */
class DeployMetricNamesTest {

    private static final Path METRICS_DOC = path("docs/metrics.md");
    private static final Pattern TABLE_NAME = Pattern.compile("^\\|\\s*`([a-zA-Z_:][a-zA-Z0-9_:]*)`\\s*\\|");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN", "atan2");
    private static final List<String> SERIES_SUFFIXES = List.of("_count", "_sum", "_bucket", "_max");
    private static final Pattern JAVA_STRING = Pattern.compile("\"([a-z][a-z0-9_.]*)\"");

    @Test
    void metricNamesAreFoundInExpressions() {
        assertThat(metricsIn("sum by (application, le) (rate(http_server_requests_seconds_bucket{uri!~\"/actuator.*\"}[5m])) "
                + "/ on (application) group_left max(up{job=\"x\"}) > 0.5 and fengqiao_delivery_backlog offset 5m"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "up", "fengqiao_delivery_backlog");
        assertThat(metricsIn("histogram_quantile(0.99, sum by (le) (rate(grid_locate_seconds_bucket[$__rate_interval])))"))
                .containsExactly("grid_locate_seconds_bucket");
    }

    @Test
    void everyDashboardAndAlertExpressionNamesOnlyDocumentedMetrics() {
        Set<String> documented = documentedMetrics(false);
        Map<String, String> expressions = expressions();
        assertThat(expressions).hasSizeGreaterThan(20);
        List<String> unknown = new ArrayList<>();
        expressions.forEach((where, expr) -> {
            for (String metric : metricsIn(expr)) {
                if (!isDocumented(metric, documented)) {
                    unknown.add(metric + " in " + where);
                }
            }
        });
        assertThat(unknown).as("metrics used in deploy/ but not listed in docs/metrics.md").isEmpty();
    }

    @Test
    void everyDocumentedBusinessMetricIsRegisteredInTheCode() {
        Set<String> registered = micrometerNamesInMainSources();
        List<String> missing = new ArrayList<>();
        for (String metric : documentedMetrics(true)) {
            boolean found = Stream.of(metric, strip(metric, "_total"), strip(metric, "_seconds"), strip(metric, "_bytes"))
                    .anyMatch(registered::contains);
            if (!found) {
                missing.add(metric);
            }
        }
        assertThat(documentedMetrics(true)).contains("fengqiao_public_applications_sla_breaches_total",
                "fengqiao_delivery_backlog", "fengqiao_delivery_redeliveries_total");
        assertThat(missing).as("business metrics in docs/metrics.md that no main source registers").isEmpty();
    }

    // --- what the files say ------------------------------------------------------------------------

    /** The metric names in the tables of docs/metrics.md: all of them, or only the business metrics' section. */
    static Set<String> documentedMetrics(boolean businessOnly) {
        Set<String> names = new TreeSet<>();
        boolean business = false;
        for (String line : DeployFiles.read(METRICS_DOC).split("\n")) {
            if (line.startsWith("## ")) {
                business = line.toLowerCase().contains("business");
            }
            Matcher name = TABLE_NAME.matcher(line);
            if (name.find() && (business || !businessOnly)) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static boolean isDocumented(String metric, Set<String> documented) {
        if (documented.contains(metric)) {
            return true;
        }
        return SERIES_SUFFIXES.stream().anyMatch(suffix -> metric.endsWith(suffix)
                && documented.contains(metric.substring(0, metric.length() - suffix.length())));
    }

    /** Every PromQL expression of deploy/: dashboard targets and variables, alert rules; keyed by where it is. */
    static Map<String, String> expressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Path dashboard : DeployGrafanaTest.dashboards()) {
            Map<String, Object> json = DeployFiles.json(dashboard);
            for (Map<String, Object> panel : DeployGrafanaTest.panels(json)) {
                for (Map<String, Object> target : mapsAt(panel, "targets")) {
                    expressions.put(dashboard.getFileName() + " panel \"" + panel.get("title") + "\" " + target.get("refId"),
                            stringAt(target, "expr"));
                }
            }
            for (Map<String, Object> variable : mapsAt(json, "templating", "list")) {
                Object query = at(variable, "query");
                String text = query instanceof Map<?, ?> ? stringAt(query, "query") : String.valueOf(query);
                Matcher labelValues = Pattern.compile("label_values\\(\\s*(.+?)\\s*,\\s*\\w+\\s*\\)").matcher(text);
                expressions.put(dashboard.getFileName() + " variable " + variable.get("name"),
                        labelValues.matches() ? labelValues.group(1) : text);
            }
        }
        for (Map<String, Object> rule : DeployPrometheusTest.alertRules()) {
            expressions.put("alert " + rule.get("alert"), stringAt(rule, "expr"));
        }
        return expressions;
    }

    /** The metric names a PromQL expression selects (functions, keywords, labels and durations left out). */
    static Set<String> metricsIn(String expression) {
        String rest = STRING.matcher(expression).replaceAll(" ");
        rest = rest.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        rest = rest.replaceAll("\\$\\w+", " ");
        Set<String> metrics = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String name = identifier.group();
            boolean function = rest.substring(identifier.end()).stripLeading().startsWith("(");
            boolean number = identifier.start() > 0 && Character.isDigit(rest.charAt(identifier.start() - 1));
            if (!function && !number && !KEYWORDS.contains(name)) {
                metrics.add(name);
            }
        }
        return metrics;
    }

    /** Lower-case dotted or underscored string literals of the main Java sources, as Prometheus would name them. */
    private static Set<String> micrometerNamesInMainSources() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> modules = Files.list(DeployFiles.root())) {
            for (Path main : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> sources = Files.walk(main)) {
                    for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                        Matcher literal = JAVA_STRING.matcher(DeployFiles.read(source));
                        while (literal.find()) {
                            names.add(literal.group(1).replace('.', '_'));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static String strip(String name, String suffix) {
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }
}
