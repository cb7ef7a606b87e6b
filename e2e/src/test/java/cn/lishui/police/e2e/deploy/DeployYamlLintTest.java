package cn.lishui.police.e2e.deploy;

import static cn.lishui.police.e2e.deploy.DeployFiles.assumeTool;
import static cn.lishui.police.e2e.deploy.DeployFiles.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every YAML file under deploy/ passes yamllint (the rules in e2e/src/test/resources/deploy/yamllint.yaml);
 * the scripts pass shellcheck.
 */
class DeployYamlLintTest {

    private static final String CONFIG = "e2e/src/test/resources/deploy/yamllint.yaml";

    @Test
    void everyYamlFileUnderDeployPassesYamllint() {
        assumeTool("yamllint", "apt-get install yamllint (.ci/run installs it)");
        List<String> command = List.of("yamllint", "--strict", "-c", CONFIG, "deploy/");
        DeployFiles.Result result = run(command);
        assertThat(result.succeeded()).as(result.describe(command)).isTrue();
    }

    @Test
    void yamllintRefusesADuplicateKey(@TempDir Path dir) throws IOException {
        assumeTool("yamllint", "apt-get install yamllint (.ci/run installs it)");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "services:\n  gateway:\n    image: a\n    image: b\n");
        DeployFiles.Result result = run(List.of("yamllint", "-c", CONFIG, broken.toString()));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("duplication of key");
    }

    @Test
    void theDeployScriptsPassShellcheck() {
        assumeTool("shellcheck", "apt-get install shellcheck (.ci/run installs it)");
        List<String> command = List.of("shellcheck", "deploy/compose/generate-secrets.sh");
        DeployFiles.Result result = run(command);
        assertThat(result.succeeded()).as(result.describe(command)).isTrue();
    }
}
