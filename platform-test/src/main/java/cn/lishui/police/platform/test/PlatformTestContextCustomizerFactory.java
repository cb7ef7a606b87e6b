package cn.lishui.police.platform.test;

import java.util.List;

import cn.lishui.police.platform.feign.BearerTokenRelay;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Every Spring test context of a module that has platform-test on its test classpath runs the
 * embedded MongoDB in memory, unless the test sets another persistence itself (tests never touch
 * {@code ./data} and start from an empty store), and accepts the JWTs of {@link TestTokens}; its Feign
 * calls made without a user carry a {@link TestTokens} service token (subject = the application name,
 * role SERVICE).
 */
public class PlatformTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new InMemory();
    }

    private static final boolean JWT_SUPPORT = ClassUtils.isPresent(
            "org.springframework.security.oauth2.jwt.JwtDecoder", PlatformTestContextCustomizerFactory.class.getClassLoader());

    private static final boolean FEIGN_SUPPORT = JWT_SUPPORT && ClassUtils.isPresent(
            "feign.RequestInterceptor", PlatformTestContextCustomizerFactory.class.getClassLoader());

    private static final class InMemory implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (!context.getEnvironment().containsProperty("fengqiao.mongo.embedded.persistence")) {
                TestPropertyValues.of("fengqiao.mongo.embedded.persistence=memory").applyTo(context);
            }
            if (JWT_SUPPORT && !context.getBeanFactory().containsBean("jwtDecoder")) {
                // tokens minted by TestTokens are the only ones a test context accepts
                context.getBeanFactory().registerSingleton("jwtDecoder", TestTokens.decoder());
            }
            if (FEIGN_SUPPORT && !context.getBeanFactory().containsBean("bearerTokenRelay")) {
                // a call made without a user (a scheduler's) carries the service's own token, as in production
                String service = context.getEnvironment().getProperty("spring.application.name", "test-service");
                context.getBeanFactory().registerSingleton("bearerTokenRelay",
                        new BearerTokenRelay(() -> TestTokens.user(service).roles("SERVICE").token()));
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
