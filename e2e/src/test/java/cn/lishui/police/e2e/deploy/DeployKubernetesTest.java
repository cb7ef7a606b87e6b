package cn.lishui.police.e2e.deploy;

import static cn.lishui.police.e2e.deploy.DeployFiles.at;
import static cn.lishui.police.e2e.deploy.DeployFiles.listAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.mapAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.mapsAt;
import static cn.lishui.police.e2e.deploy.DeployFiles.stringAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/k8s: both overlays render with {@code kubectl kustomize}, and what they render keeps the
 * promises of issue 9: hardened pods, probes from the actuator health groups, requests and limits,
 * HPAs for the stateless deployables, PDBs, NetworkPolicies that expose only the gateway, Secrets
 * referenced and never inlined, MongoDB per service (StatefulSets in local, a Secret's URI in production).
 */
class DeployKubernetesTest {

    private static final List<String> DEPLOYABLES = List.of("gateway", "identity-service", "grid-service",
            "mediation-service", "public-service", "overseas-service");
    private static final List<String> SERVICES_WITH_A_STORE = List.of("identity-service", "grid-service",
            "mediation-service", "public-service", "overseas-service");
    /** identity-service keeps authorization codes and refresh tokens in memory: one replica, no HPA. */
    private static final Set<String> SCALED = Set.of("gateway", "grid-service", "mediation-service", "public-service",
            "overseas-service");
    /** Names of values that must come from a Secret (URLs and URIs aside: a URI is checked for credentials instead). */
    private static final Pattern SECRET_LIKE = Pattern.compile("(?!.*_UR[IL]$).*(SECRET|PASSWORD|PEM|KEY|TOKEN|CREDENTIAL).*");
    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theOverlayRendersEveryDeployable(String overlay) {
        List<Map<String, Object>> objects = render(overlay);
        assertThat(names(objects, "Deployment")).containsExactlyInAnyOrderElementsOf(DEPLOYABLES);
        assertThat(names(objects, "Service")).containsAll(DEPLOYABLES);
        assertThat(objects).allSatisfy(object -> assertThat(stringAt(object, "metadata", "labels", "app.kubernetes.io/part-of"))
                .as("part-of label of %s %s", object.get("kind"), stringAt(object, "metadata", "name")).isEqualTo("fengqiao"));
        objects.stream().filter(object -> !"Namespace".equals(object.get("kind"))).forEach(object ->
                assertThat(stringAt(object, "metadata", "namespace")).as("namespace of %s", stringAt(object, "metadata", "name"))
                        .isEqualTo("fengqiao"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyPodRunsHardened(String overlay) {
        List<Map<String, Object>> workloads = workloads(render(overlay));
        assertThat(workloads).isNotEmpty();
        for (Map<String, Object> workload : workloads) {
            String name = stringAt(workload, "metadata", "name");
            Map<String, Object> pod = mapAt(workload, "spec", "template", "spec");
            assertThat(at(pod, "securityContext", "runAsNonRoot")).as("runAsNonRoot of %s", name).isEqualTo(true);
            assertThat(((Number) at(pod, "securityContext", "runAsUser")).intValue()).as("runAsUser of %s", name).isPositive();
            assertThat(stringAt(pod, "securityContext", "seccompProfile", "type")).as("seccomp of %s", name)
                    .isEqualTo("RuntimeDefault");
            assertThat(at(pod, "automountServiceAccountToken")).as("service account token of %s", name).isEqualTo(false);
            for (Map<String, Object> container : mapsAt(pod, "containers")) {
                String where = name + "/" + container.get("name");
                Map<String, Object> security = mapAt(container, "securityContext");
                assertThat(security.get("readOnlyRootFilesystem")).as("readOnlyRootFilesystem of %s", where).isEqualTo(true);
                assertThat(security.get("allowPrivilegeEscalation")).as("allowPrivilegeEscalation of %s", where).isEqualTo(false);
                assertThat(listAt(security, "capabilities", "drop")).as("dropped capabilities of %s", where).contains("ALL");
                assertThat(listAt(security, "capabilities", "add")).as("added capabilities of %s", where).isEmpty();
                assertThat(at(security, "privileged")).as("privileged %s", where).isNotEqualTo(true);
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(stringAt(container, "resources", "requests", resource)).as("%s request of %s", resource, where)
                            .isNotBlank();
                    assertThat(stringAt(container, "resources", "limits", resource)).as("%s limit of %s", resource, where)
                            .isNotBlank();
                }
                assertThat(mapAt(container, "livenessProbe")).as("liveness probe of %s", where).isNotEmpty();
                assertThat(mapAt(container, "readinessProbe")).as("readiness probe of %s", where).isNotEmpty();
                assertThat(stringAt(container, "image")).as("image of %s", where).doesNotEndWith(":latest").contains(":");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theDeployablesAreProbedThroughTheActuatorHealthGroups(String overlay) {
        for (Map<String, Object> deployment : ofKind(render(overlay), "Deployment")) {
            Map<String, Object> container = mapsAt(deployment, "spec", "template", "spec", "containers").get(0);
            String name = stringAt(deployment, "metadata", "name");
            assertThat(stringAt(container, "livenessProbe", "httpGet", "path")).as("liveness of %s", name)
                    .isEqualTo("/actuator/health/liveness");
            assertThat(stringAt(container, "readinessProbe", "httpGet", "path")).as("readiness of %s", name)
                    .isEqualTo("/actuator/health/readiness");
            assertThat(stringAt(container, "startupProbe", "httpGet", "path")).as("startup of %s", name)
                    .isEqualTo("/actuator/health/liveness");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void secretsAreReferencedNeverInlined(String overlay) {
        List<Map<String, Object>> objects = render(overlay);
        assertThat(ofKind(objects, "Secret")).as("Secret objects rendered with their values").isEmpty();
        Set<String> referenced = new TreeSet<>();
        for (Map<String, Object> workload : workloads(objects)) {
            for (Map<String, Object> container : mapsAt(workload, "spec", "template", "spec", "containers")) {
                for (Map<String, Object> env : mapsAt(container, "env")) {
                    String name = stringAt(env, "name");
                    if (env.containsKey("value")) {
                        assertThat(name).as("a literal value for %s in %s", name, workload.get("metadata"))
                                .doesNotMatch(SECRET_LIKE);
                        assertThat(stringAt(env, "value")).as("credentials in %s", name).doesNotContain("@");
                    }
                    if (at(env, "valueFrom", "secretKeyRef") != null) {
                        referenced.add(stringAt(env, "valueFrom", "secretKeyRef", "name"));
                    }
                }
                mapsAt(container, "envFrom").stream().filter(from -> from.containsKey("secretRef"))
                        .forEach(from -> referenced.add(stringAt(from, "secretRef", "name")));
            }
        }
        for (Map<String, Object> configMap : ofKind(objects, "ConfigMap")) {
            assertThat(mapAt(configMap, "data").keySet()).as("secret-like keys in ConfigMap %s", configMap.get("metadata"))
                    .noneMatch(key -> SECRET_LIKE.matcher(key).matches());
        }
        assertThat(referenced).contains("fengqiao-common");
        SERVICES_WITH_A_STORE.forEach(service -> assertThat(referenced).contains(service + "-secrets"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theStatelessDeployablesScaleAndEveryDeployableHasADisruptionBudget(String overlay) {
        List<Map<String, Object>> objects = render(overlay);
        Set<String> scaled = new TreeSet<>();
        for (Map<String, Object> hpa : ofKind(objects, "HorizontalPodAutoscaler")) {
            assertThat(stringAt(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
            scaled.add(stringAt(hpa, "spec", "scaleTargetRef", "name"));
            assertThat(((Number) at(hpa, "spec", "maxReplicas")).intValue())
                    .isGreaterThan(((Number) at(hpa, "spec", "minReplicas")).intValue());
        }
        assertThat(scaled).containsExactlyInAnyOrderElementsOf(SCALED);
        Set<String> budgeted = new TreeSet<>();
        ofKind(objects, "PodDisruptionBudget").forEach(pdb ->
                budgeted.add(stringAt(pdb, "spec", "selector", "matchLabels", "app.kubernetes.io/name")));
        assertThat(budgeted).containsAll(DEPLOYABLES);
        if ("production".equals(overlay)) {
            ofKind(objects, "HorizontalPodAutoscaler").forEach(hpa ->
                    assertThat(((Number) at(hpa, "spec", "minReplicas")).intValue()).as("minReplicas in production")
                            .isGreaterThanOrEqualTo(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void onlyTheGatewayIsOpenToEveryoneAndEachServiceToItsCallers(String overlay) {
        List<Map<String, Object>> policies = ofKind(render(overlay), "NetworkPolicy");
        assertThat(policies).anySatisfy(policy -> {
            assertThat(mapAt(policy, "spec", "podSelector")).isEmpty();
            assertThat(listAt(policy, "spec", "policyTypes")).contains("Ingress");
            assertThat(listAt(policy, "spec", "ingress")).isEmpty();
        });
        for (Map<String, Object> policy : policies) {
            for (Map<String, Object> rule : mapsAt(policy, "spec", "ingress")) {
                if (!rule.containsKey("from")) {
                    assertThat(stringAt(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"))
                            .as("pods open to any source, by policy %s", stringAt(policy, "metadata", "name"))
                            .isEqualTo("gateway");
                }
            }
        }
        assertThat(allowedCallers(policies, "grid-service")).containsExactlyInAnyOrder("gateway", "mediation-service",
                "overseas-service");
        assertThat(allowedCallers(policies, "mediation-service")).containsExactlyInAnyOrder("gateway", "grid-service");
        assertThat(allowedCallers(policies, "public-service")).containsExactlyInAnyOrder("gateway", "overseas-service");
        assertThat(allowedCallers(policies, "overseas-service")).containsExactly("gateway");
        assertThat(allowedCallers(policies, "identity-service")).containsAll(DEPLOYABLES.subList(0, 1))
                .contains("grid-service", "mediation-service", "public-service", "overseas-service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceWithAStoreHasItsOwnMongoDb(String overlay) {
        List<Map<String, Object>> objects = render(overlay);
        for (String service : SERVICES_WITH_A_STORE) {
            Map<String, Object> uri = mapsAt(container(objects, service), "env").stream()
                    .filter(env -> "SPRING_MONGODB_URI".equals(env.get("name"))).findFirst().orElse(Map.of());
            String area = service.replace("-service", "");
            if ("local".equals(overlay)) {
                assertThat(stringAt(uri, "value")).as("MongoDB of %s", service)
                        .isEqualTo("mongodb://" + area + "-mongo:27017/fengqiao_" + area);
            } else {
                assertThat(stringAt(uri, "valueFrom", "secretKeyRef", "name")).as("MongoDB of %s", service)
                        .isEqualTo(service + "-mongodb");
            }
        }
        Map<String, Object> gateway = container(objects, "gateway");
        assertThat(mapsAt(gateway, "env")).noneMatch(env -> "SPRING_MONGODB_URI".equals(env.get("name")));
        List<Map<String, Object>> statefulSets = ofKind(objects, "StatefulSet");
        if ("local".equals(overlay)) {
            assertThat(names(objects, "StatefulSet")).containsExactlyInAnyOrder("identity-mongo", "grid-mongo",
                    "mediation-mongo", "public-mongo", "overseas-mongo");
            statefulSets.forEach(set -> {
                assertThat(stringAt(set, "spec", "template", "spec", "containers", 0, "image")).isEqualTo("mongo:7");
                assertThat(mapsAt(set, "spec", "volumeClaimTemplates")).isNotEmpty();
            });
        } else {
            assertThat(statefulSets).as("no MongoDB inside the production cluster").isEmpty();
        }
    }

    // --- rendering and reading the rendered objects ---------------------------------------------------

    private static List<Map<String, Object>> render(String overlay) {
        DeployFiles.assumeTool("kubectl",
                "install kubectl 1.27 or newer (Debian's kubernetes-client is too old for these kustomizations)");
        return RENDERED.computeIfAbsent(overlay, name -> {
            List<String> command = List.of("kubectl", "kustomize", "deploy/k8s/overlays/" + name);
            DeployFiles.Result result = DeployFiles.run(command);
            assertThat(result.succeeded()).as(result.describe(command)).isTrue();
            List<Map<String, Object>> objects = DeployFiles.yamlDocuments(result.output());
            assertThat(objects).as("objects rendered by %s", command).isNotEmpty();
            return objects;
        });
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    private static List<String> names(List<Map<String, Object>> objects, String kind) {
        return ofKind(objects, kind).stream().map(object -> stringAt(object, "metadata", "name")).toList();
    }

    private static List<Map<String, Object>> workloads(List<Map<String, Object>> objects) {
        List<Map<String, Object>> workloads = new ArrayList<>(ofKind(objects, "Deployment"));
        workloads.addAll(ofKind(objects, "StatefulSet"));
        return workloads;
    }

    private static Map<String, Object> container(List<Map<String, Object>> objects, String deployment) {
        return ofKind(objects, "Deployment").stream().filter(object -> deployment.equals(stringAt(object, "metadata", "name")))
                .findFirst().map(object -> mapsAt(object, "spec", "template", "spec", "containers").get(0))
                .orElseThrow(() -> new AssertionError("no Deployment " + deployment));
    }

    /** The app.kubernetes.io/name of the pods that some policy lets reach {@code service}. */
    private static Set<String> allowedCallers(List<Map<String, Object>> policies, String service) {
        Set<String> callers = new TreeSet<>();
        for (Map<String, Object> policy : policies) {
            if (!service.equals(stringAt(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"))) {
                continue;
            }
            for (Map<String, Object> rule : mapsAt(policy, "spec", "ingress")) {
                for (Map<String, Object> from : mapsAt(rule, "from")) {
                    String caller = stringAt(from, "podSelector", "matchLabels", "app.kubernetes.io/name");
                    if (caller != null) {
                        callers.add(caller);
                    }
                }
            }
        }
        return callers;
    }
}
