package cn.lishui.police.e2e;

/**
 * The suite's deployables as the e2e tests start them: the module (whose packaged jar is started) and
 * the environment variable through which the others find it (ARCHITECTURE.md §1).
 */
enum Deployable {
    IDENTITY("identity-service", "IDENTITY_SERVICE_URL"),
    GRID("grid-service", "GRID_SERVICE_URL"),
    MEDIATION("mediation-service", "MEDIATION_SERVICE_URL"),
    PUBLIC("public-service", "PUBLIC_SERVICE_URL"),
    OVERSEAS("overseas-service", "OVERSEAS_SERVICE_URL"),
    GATEWAY("gateway", "GATEWAY_URL");

    private final String module;
    private final String urlVariable;

    Deployable(String module, String urlVariable) {
        this.module = module;
        this.urlVariable = urlVariable;
    }

    String module() {
        return module;
    }

    String urlVariable() {
        return urlVariable;
    }
}
