package cn.lishui.police.e2e.deploy;

import static cn.lishui.police.e2e.deploy.DeployFiles.assumeTool;
import static cn.lishui.police.e2e.deploy.DeployFiles.listAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.mapsAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.path;
import static cn.lishui.police.e2e.deploy.DeployFiles.run;
import static cn.lishui.police.e2e.deploy.DeployFiles.stringAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/prometheus: the scrape configurations and the alert rules are valid for promtool, every alert
 * has a unit test that passes, and the local scrape configuration covers the whole suite.
 */
class DeployPrometheusTest {

    private static final String PROMTOOL = "promtool";
    private static final String INSTALL = "apt-get install prometheus (.ci/run installs it)";
    private static final Path RULES = path("deploy/prometheus/rules/fengqiao-alerts.yml");
    private static final Path RULE_TESTS = path("deploy/prometheus/tests/fengqiao-alerts.test.yml");

    @ParameterizedTest
    @ValueSource(strings = {"deploy/prometheus/prometheus.yml", "deploy/prometheus/prometheus-compose.yml"})
    void theScrapeConfigurationAndItsRuleFilesAreValid(String config) {
        assumeTool(PROMTOOL, INSTALL);
        List<String> command = List.of(PROMTOOL, "check", "config", config);
        DeployFiles.Result result = run(command);
        assertThat(result.succeeded()).as(result.describe(command)).isTrue();
        // rule files are checked with the configuration: a glob that matched nothing would pass silently
        assertThat(result.output()).as(result.describe(command)).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void theAlertRulesAreValid() {
        assumeTool(PROMTOOL, INSTALL);
        List<String> command = List.of(PROMTOOL, "check", "rules", "deploy/prometheus/rules/fengqiao-alerts.yml");
        DeployFiles.Result result = run(command);
        assertThat(result.succeeded()).as(result.describe(command)).isTrue();
    }

    @Test
    void theAlertRuleUnitTestsPass() {
        assumeTool(PROMTOOL, INSTALL);
        List<String> command = List.of(PROMTOOL, "test", "rules", "deploy/prometheus/tests/fengqiao-alerts.test.yml");
        DeployFiles.Result result = run(command);
        assertThat(result.succeeded()).as(result.describe(command)).isTrue();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void aBrokenRuleIsRefusedByTheCheck(@TempDir Path dir) throws IOException {
        assumeTool(PROMTOOL, INSTALL);
        String broken = DeployFiles.read(RULES).replace("expr: up{job=\"fengqiao\"} == 0", "expr: up{job=\"fengqiao\" == 0");
        assertThat(broken).isNotEqualTo(DeployFiles.read(RULES));
        Path file = Files.writeString(dir.resolve("broken.yml"), broken);
        DeployFiles.Result result = run(List.of(PROMTOOL, "check", "rules", file.toString()));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
    }

    @Test
    void aWrongExpectationFailsTheRuleUnitTests(@TempDir Path dir) throws IOException {
        assumeTool(PROMTOOL, INSTALL);
        String tests = DeployFiles.read(RULE_TESTS)
                .replace("../rules/fengqiao-alerts.yml", RULES.toString())
                .replace("summary: grid-service is down", "summary: grid-service is fine");
        Path file = Files.writeString(dir.resolve("wrong.test.yml"), tests);
        DeployFiles.Result result = run(List.of(PROMTOOL, "test", "rules", file.toString()));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("FengqiaoServiceDown");
    }

    @Test
    void everyAlertHasAUnitTestThatExpectsItToFire() {
        Set<String> alerts = alertNames();
        Set<String> tested = new TreeSet<>();
        for (Map<String, Object> test : mapsAt(DeployFiles.yaml(RULE_TESTS), "tests")) {
            for (Map<String, Object> check : mapsAt(test, "alert_rule_test")) {
                if (!listAt(check, "exp_alerts").isEmpty()) {
                    tested.add(stringAt(check, "alertname"));
                }
            }
        }
        assertThat(alerts).as("alerts in %s", RULES).isNotEmpty()
                .contains("FengqiaoServiceDown", "FengqiaoHighServerErrorRatio", "FengqiaoLatencyOverSlo",
                        "FengqiaoCircuitBreakerOpen", "FengqiaoDeliveryBacklogGrowing", "FengqiaoSlaBreachesRising",
                        "FengqiaoDiskLow");
        assertThat(tested).as("alerts with a unit test that expects them to fire").isEqualTo(alerts);
    }

    @Test
    void everyAlertHasASeverityAndASummary() {
        for (Map<String, Object> rule : alertRules()) {
            assertThat(stringAt(rule, "labels", "severity")).as("severity of %s", rule.get("alert"))
                    .isIn("critical", "warning");
            assertThat(stringAt(rule, "annotations", "summary")).as("summary of %s", rule.get("alert")).isNotBlank();
            assertThat(stringAt(rule, "annotations", "description")).as("description of %s", rule.get("alert")).isNotBlank();
        }
    }

    @Test
    void theLocalScrapeConfigurationCoversEveryDeployableOfTheSuite() {
        Map<String, Object> config = DeployFiles.yamlMap(path("deploy/prometheus/prometheus.yml"));
        Map<String, Object> job = mapsAt(config, "scrape_configs").get(0);
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        Set<String> targets = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        for (Map<String, Object> group : mapsAt(job, "static_configs")) {
            listAt(group, "targets").forEach(target -> targets.add(String.valueOf(target)));
            services.add(stringAt(group, "labels", "service"));
        }
        assertThat(targets).containsExactlyInAnyOrder("127.0.0.1:8080", "127.0.0.1:9000", "127.0.0.1:8081",
                "127.0.0.1:8082", "127.0.0.1:8083", "127.0.0.1:8084");
        assertThat(services).containsExactlyInAnyOrder("gateway", "identity-service", "grid-service",
                "mediation-service", "public-service", "overseas-service");
    }

    static Set<String> alertNames() {
        Set<String> names = new TreeSet<>();
        alertRules().forEach(rule -> names.add(stringAt(rule, "alert")));
        return names;
    }

    static List<Map<String, Object>> alertRules() {
        return mapsAt(DeployFiles.yaml(RULES), "groups").stream()
                .flatMap(group -> mapsAt(group, "rules").stream())
                .filter(rule -> rule.containsKey("alert"))
                .toList();
    }
}
