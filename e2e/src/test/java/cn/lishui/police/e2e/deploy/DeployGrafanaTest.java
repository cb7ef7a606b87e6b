package cn.lishui.police.e2e.deploy;

import static cn.lishui.police.e2e.deploy.DeployFiles.at;
import static cn.lishui.police.e2e.deploy.DeployFiles.listAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.mapAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.mapsAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.path;
import static cn.lishui.police.e2e.deploy.DeployFiles.stringAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/grafana: the provisioned dashboards are valid JSON with what Grafana needs to show them (uid,
 * title, schema version, panels laid out on the 24-column grid, a query per data panel on the
 * provisioned data source), and the provisioning files point at them.
 */
class DeployGrafanaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DASHBOARDS = path("deploy/grafana/dashboards");
    private static final Set<String> DATA_PANEL_TYPES = Set.of("timeseries", "stat", "gauge", "table", "bargauge",
            "barchart", "state-timeline", "heatmap", "piechart");

    @Test
    void thePlatformOverviewAndPolicingKpiDashboardsAreProvisioned() {
        List<String> titles = dashboards().stream().map(file -> stringAt(DeployFiles.json(file), "title")).toList();
        assertThat(titles).anyMatch(title -> title.toLowerCase().contains("platform overview"))
                .anyMatch(title -> title.toLowerCase().contains("policing kpis"));
    }

    @Test
    void everyDashboardHasWhatGrafanaNeeds() {
        Set<String> uids = new HashSet<>();
        String datasource = provisionedDatasourceUid();
        for (Path file : dashboards()) {
            Map<String, Object> dashboard = DeployFiles.json(file);
            String name = file.getFileName().toString();
            assertThat(stringAt(dashboard, "uid")).as("uid of %s", name).isNotBlank().hasSizeLessThanOrEqualTo(40);
            assertThat(uids.add(stringAt(dashboard, "uid"))).as("uid of %s is unique", name).isTrue();
            assertThat(stringAt(dashboard, "title")).as("title of %s", name).isNotBlank();
            assertThat(at(dashboard, "schemaVersion")).as("schemaVersion of %s", name).isInstanceOf(Integer.class);
            assertThat(dashboard).as(name).doesNotContainKey("id"); // provisioning assigns ids
            assertThat(mapAt(dashboard, "time")).as("time of %s", name).containsKeys("from", "to");
            List<Map<String, Object>> panels = panels(dashboard);
            assertThat(panels).as("panels of %s", name).isNotEmpty();
            Set<Object> ids = new HashSet<>();
            for (Map<String, Object> panel : panels) {
                String where = name + " panel \"" + panel.get("title") + "\"";
                assertThat(ids.add(panel.get("id"))).as("id of %s is unique", where).isTrue();
                assertThat(panel.get("id")).as("id of %s", where).isInstanceOf(Integer.class);
                assertThat(stringAt(panel, "type")).as("type of %s", where).isNotBlank();
                assertThat(stringAt(panel, "title")).as("title of %s", where).isNotBlank();
                assertGridPosition(mapAt(panel, "gridPos"), where);
                if (DATA_PANEL_TYPES.contains(stringAt(panel, "type"))) {
                    assertThat(stringAt(panel, "datasource", "uid")).as("data source of %s", where).isEqualTo(datasource);
                    List<Map<String, Object>> targets = mapsAt(panel, "targets");
                    assertThat(targets).as("queries of %s", where).isNotEmpty();
                    Set<Object> refIds = new HashSet<>();
                    for (Map<String, Object> target : targets) {
                        assertThat(stringAt(target, "expr")).as("expr of %s", where).isNotBlank();
                        assertThat(refIds.add(target.get("refId"))).as("refId of %s is unique", where).isTrue();
                        assertThat(balanced(stringAt(target, "expr"))).as("brackets of %s: %s", where, target.get("expr"))
                                .isTrue();
                    }
                }
            }
            for (Map<String, Object> variable : mapsAt(dashboard, "templating", "list")) {
                assertThat(stringAt(variable, "name")).as("variable name in %s", name).matches("[a-zA-Z_][a-zA-Z0-9_]*");
                assertThat(stringAt(variable, "datasource", "uid")).as("data source of variable in %s", name)
                        .isEqualTo(datasource);
            }
        }
    }

    @Test
    void everyDashboardQueryIsValidPromQl(@TempDir Path dir) throws IOException {
        DeployFiles.assumeTool("promtool", "apt-get install prometheus (.ci/run installs it)");
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Path file : dashboards()) {
            for (Map<String, Object> panel : panels(DeployFiles.json(file))) {
                for (Map<String, Object> target : mapsAt(panel, "targets")) {
                    // Grafana's variables as Prometheus would receive them
                    String expr = stringAt(target, "expr").replace("$__rate_interval", "5m").replace("$__range", "6h")
                            .replaceAll("\\$[a-zA-Z_]+", ".*");
                    rules.add(Map.of("record", "dashboard:query:" + rules.size(), "expr", expr));
                }
            }
        }
        // a rule file is YAML, and JSON is YAML: promtool parses each query as a recording rule's expression
        Path file = dir.resolve("dashboard-queries.yml");
        Files.writeString(file, JSON.writeValueAsString(Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));
        List<String> command = List.of("promtool", "check", "rules", file.toString());
        DeployFiles.Result result = DeployFiles.run(command);
        assertThat(result.succeeded()).as(result.describe(command)).isTrue();
        assertThat(result.output()).contains("SUCCESS: " + rules.size() + " rules found");
    }

    @Test
    void aDashboardThatIsNotJsonIsRefused(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"),
                DeployFiles.read(DASHBOARDS.resolve("platform-overview.json")).replaceFirst("\\{", "{,"));
        assertThatThrownBy(() -> DeployFiles.json(broken)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void theProvisioningPointsAtThePrometheusDataSourceAndTheDashboards() {
        Map<String, Object> datasources = DeployFiles.yamlMap(path("deploy/grafana/provisioning/datasources/prometheus.yaml"));
        assertThat(at(datasources, "apiVersion")).isEqualTo(1);
        Map<String, Object> prometheus = mapsAt(datasources, "datasources").get(0);
        assertThat(prometheus).containsEntry("type", "prometheus").containsKeys("url", "uid");

        Map<String, Object> providers = DeployFiles.yamlMap(path("deploy/grafana/provisioning/dashboards/fengqiao.yaml"));
        assertThat(at(providers, "apiVersion")).isEqualTo(1);
        String dashboardPath = stringAt(mapsAt(providers, "providers").get(0), "options", "path");
        // compose mounts deploy/grafana/dashboards where the provider looks for them
        List<Object> grafanaVolumes = listAt(DeployFiles.yaml(path("deploy/compose/compose.yaml")),
                "services", "grafana", "volumes");
        assertThat(grafanaVolumes).contains("../grafana/dashboards:" + dashboardPath + ":ro",
                "../grafana/provisioning:/etc/grafana/provisioning:ro");
    }

    // --- shared with DeployMetricNamesTest -----------------------------------------------------------

    static List<Path> dashboards() {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            List<Path> dashboards = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(dashboards).as("dashboards in %s", DASHBOARDS).isNotEmpty();
            return dashboards;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel, rows' nested panels included. */
    static List<Map<String, Object>> panels(Map<String, Object> dashboard) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> panel : mapsAt(dashboard, "panels")) {
            all.add(panel);
            all.addAll(mapsAt(panel, "panels"));
        }
        return all;
    }

    private static String provisionedDatasourceUid() {
        Map<String, Object> datasources = DeployFiles.yamlMap(path("deploy/grafana/provisioning/datasources/prometheus.yaml"));
        return stringAt(mapsAt(datasources, "datasources").get(0), "uid");
    }

    private static void assertGridPosition(Map<String, Object> position, String where) {
        assertThat(position).as("gridPos of %s", where).containsKeys("h", "w", "x", "y");
        int x = ((Number) position.get("x")).intValue();
        int w = ((Number) position.get("w")).intValue();
        assertThat(w).as("width of %s", where).isBetween(1, 24);
        assertThat(x + w).as("right edge of %s", where).isLessThanOrEqualTo(24);
        assertThat(((Number) position.get("h")).intValue()).as("height of %s", where).isPositive();
    }

    private static boolean balanced(String expression) {
        int depth = 0;
        for (char c : expression.toCharArray()) {
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            }
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
