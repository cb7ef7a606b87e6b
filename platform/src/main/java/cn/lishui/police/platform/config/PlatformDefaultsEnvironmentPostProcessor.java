package cn.lishui.police.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the suite's defaults (actuator exposure, metrics tags, Jackson, pagination, Feign and
 * Resilience4j, messages) as the lowest-precedence property source, so every service starts from the
 * same settings and its own {@code application.yml} or the environment still wins.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "fengqiaoPlatformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource(SOURCE_NAME,
                    new ClassPathResource("fengqiao-platform-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException("The platform starter's defaults are missing from its jar", e);
        }
        if (!environment.containsProperty("fengqiao.api.area")) {
            // grid-service -> grid: the /api/<area>/ prefix of the service's own paths
            String name = environment.getProperty("spring.application.name", "application");
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME + "Area",
                    Map.of("fengqiao.api.area", name.replaceFirst("-service$", ""))));
        }
    }
}
