package cn.lishui.police.e2e;

import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One suite for all browser tests (the portal's and the console's): every deployable, with demo data at
 * a small scale (grids for the map, officers to dispatch to, stations, the catalogue), started by the
 * first test class that asks for it and stopped when the whole test run ends. A test class gets it with
 * {@code @ExtendWith(WebSuite.class)} and a {@code Suite} parameter of its {@code @BeforeAll} method.
 */
final class WebSuite implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WebSuite.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // the root context's store closes the suite (AutoCloseable) after the last test class
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Suite.class, type -> Suite.start("WebIT", Map.of(
                "FENGQIAO_DEMO_DATA_ENABLED", "true",
                "FENGQIAO_DEMO_DATA_SCALE", "0.05",
                "FENGQIAO_DELIVERY_INTERVAL", "1s"), Deployable.values()), Suite.class);
    }
}
