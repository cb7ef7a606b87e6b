package cn.lishui.police.e2e.deploy;

import static cn.lishui.police.e2e.deploy.DeployFiles.at;
import static cn.lishui.police.e2e.deploy.DeployFiles.listAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.mapAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.path;
import static cn.lishui.police.e2e.deploy.DeployFiles.stringAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * deploy/compose and deploy/docker, read as files (no Docker engine here): the compose file wires a
 * mongo:7 per service with a named volume and a health check, builds every deployable from the one
 * Dockerfile, gives each service its own database, publishes only the gateway of the suite, and mounts
 * files that exist; the Dockerfile is multi-stage, runs as a non-root user and has a health check.
 */
class DeployComposeTest {

    private static final Path COMPOSE_DIR = path("deploy/compose");
    private static final Map<String, String> AREAS = Map.of("identity-service", "identity", "grid-service", "grid",
            "mediation-service", "mediation", "public-service", "public", "overseas-service", "overseas");
    private static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "identity-service", 9000, "grid-service",
            8081, "mediation-service", 8082, "public-service", 8083, "overseas-service", 8084);

    private final Map<String, Object> compose = DeployFiles.yamlMap(COMPOSE_DIR.resolve("compose.yaml"));

    @Test
    void everyServiceHasItsOwnMongoDbWithANamedVolumeAndAHealthCheck() {
        AREAS.forEach((service, area) -> {
            Map<String, Object> mongo = mapAt(compose, "services", area + "-mongo");
            assertThat(mongo.get("image")).as("image of %s-mongo", area).isEqualTo("mongo:7");
            assertThat(listAt(mongo, "healthcheck", "test")).as("health check of %s-mongo", area).isNotEmpty();
            String volume = String.valueOf(listAt(mongo, "volumes").get(0));
            assertThat(volume).as("volume of %s-mongo", area).isEqualTo(area + "-mongo-data:/data/db");
            assertThat(mapAt(compose, "volumes")).as("named volumes").containsKey(area + "-mongo-data");
            assertThat(stringAt(compose, "services", service, "environment", "SPRING_MONGODB_URI"))
                    .as("MongoDB of %s", service).isEqualTo("mongodb://" + area + "-mongo:27017/fengqiao_" + area);
            assertThat(stringAt(compose, "services", service, "depends_on", area + "-mongo", "condition"))
                    .isEqualTo("service_healthy");
        });
    }

    @Test
    void everyDeployableIsBuiltFromTheOneDockerfile() {
        PORTS.forEach((service, port) -> {
            Map<String, Object> build = mapAt(compose, "services", service, "build");
            assertThat(build).as("build of %s", service).containsEntry("dockerfile", "deploy/docker/Dockerfile");
            assertThat(COMPOSE_DIR.resolve(stringAt(build, "context")).normalize()).isEqualTo(DeployFiles.root());
            assertThat(stringAt(build, "args", "MODULE")).isEqualTo(service);
            assertThat(Files.isRegularFile(DeployFiles.root().resolve(service).resolve("pom.xml"))).as("module %s", service)
                    .isTrue();
            assertThat(stringAt(build, "args", "PORT")).isEqualTo(String.valueOf(port));
            assertThat(at(compose, "services", service, "read_only")).as("read-only root of %s", service).isEqualTo(true);
            assertThat(listAt(compose, "services", service, "cap_drop")).contains("ALL");
            assertThat(stringAt(compose, "services", service, "environment", "FENGQIAO_JWK_SET_URI")).isNotBlank();
            assertThat(stringAt(compose, "services", service, "environment", "IDENTITY_SERVICE_URL"))
                    .isEqualTo("http://identity-service:9000");
        });
    }

    @Test
    void ofTheSuiteOnlyTheGatewayIsPublished() {
        PORTS.keySet().stream().filter(service -> !"gateway".equals(service)).forEach(service ->
                assertThat(listAt(compose, "services", service, "ports")).as("ports of %s", service).isEmpty());
        assertThat(listAt(compose, "services", "gateway", "ports")).containsExactly("8080:8080");
    }

    @Test
    void secretsComeFromGeneratedEnvFilesThatAreNotCommitted() {
        AREAS.keySet().forEach(service -> assertThat(listAt(compose, "services", service, "env_file"))
                .as("env files of %s", service)
                .anySatisfy(file -> assertThat(stringAt(file, "path")).isEqualTo("./secrets/" + service + ".env")));
        assertThat(DeployFiles.read(COMPOSE_DIR.resolve(".gitignore"))).contains("secrets/", ".env");
        String generator = DeployFiles.read(COMPOSE_DIR.resolve("generate-secrets.sh"));
        assertThat(generator).contains("FENGQIAO_PERSONALDATA_ACTIVEKEYID", "FENGQIAO_PERSONALDATA_KEYS_K1",
                "FENGQIAO_PERSONALDATA_BLINDINDEXKEY", "FENGQIAO_IDENTITY_SIGNING_KEY_PEM", "FENGQIAO_SERVICE_CLIENT_SECRET");
        assertThat(Files.isExecutable(COMPOSE_DIR.resolve("generate-secrets.sh"))).isTrue();
    }

    @Test
    void prometheusGrafanaAndKeycloakMountFilesThatExist() {
        for (String service : List.of("prometheus", "grafana", "keycloak")) {
            List<Object> volumes = listAt(compose, "services", service, "volumes");
            assertThat(volumes).as("volumes of %s", service).isNotEmpty();
            for (Object volume : volumes) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(Files.exists(COMPOSE_DIR.resolve(source))).as("%s mounts %s", service, source).isTrue();
                }
            }
        }
        assertThat(listAt(compose, "services", "prometheus", "command"))
                .contains("--config.file=/etc/prometheus/prometheus-compose.yml");
        assertThat(listAt(compose, "services", "prometheus", "volumes")).contains("../prometheus:/etc/prometheus:ro");
        assertThat(listAt(compose, "services", "keycloak", "volumes"))
                .contains("../keycloak/fengqiao-realm.json:/opt/keycloak/data/import/fengqiao-realm.json:ro");
    }

    @Test
    void theDockerfileBuildsInOneStageAndRunsUnprivilegedInAnother() {
        String dockerfile = DeployFiles.read(path("deploy/docker/Dockerfile"));
        List<String> stages = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile).results().map(m -> m.group(1)).toList();
        assertThat(stages).as("stages").hasSizeGreaterThanOrEqualTo(2).noneMatch(image -> image.endsWith(":latest"));
        assertThat(dockerfile).containsPattern("(?m)^ARG MODULE").contains("COPY --from=build");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        String lastUser = null;
        while (user.find()) {
            lastUser = user.group(1);
        }
        assertThat(lastUser).as("the user the image runs as").isNotNull().doesNotStartWith("root").doesNotStartWith("0");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*").contains("/actuator/health/readiness");
        assertThat(dockerfile.indexOf("HEALTHCHECK")).isGreaterThan(dockerfile.lastIndexOf("FROM "));
    }
}
