package cn.lishui.police.platform.test;

import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Every Spring test context of a module that has platform-test on its test classpath runs the
 * embedded MongoDB in memory, unless the test sets another persistence itself: tests never touch
 * {@code ./data} and start from an empty store.
 */
public class EmbeddedMongoInMemoryContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new InMemory();
    }

    private static final class InMemory implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (!context.getEnvironment().containsProperty("fengqiao.mongo.embedded.persistence")) {
                TestPropertyValues.of("fengqiao.mongo.embedded.persistence=memory").applyTo(context);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InMemory;
        }

        @Override
        public int hashCode() {
            return InMemory.class.hashCode();
        }
    }
}
