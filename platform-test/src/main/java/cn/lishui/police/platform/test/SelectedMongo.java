package cn.lishui.police.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Runs a Spring Boot test against the best MongoDB this machine offers:
 * <ol>
 * <li>{@code TEST_MONGODB_URI}, if set (any real MongoDB);</li>
 * <li>else a Testcontainers {@code mongo:7}, through {@code @ServiceConnection}, where a Docker engine
 *     answers;</li>
 * <li>else the platform's embedded in-memory server (no Docker here: the test still runs, and says so
 *     in its log).</li>
 * </ol>
 * Put it on at least one test class per service, so the same tests run against a real MongoDB
 * wherever one can be had.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(MongoSelectionConfiguration.class)
public @interface SelectedMongo {
}
