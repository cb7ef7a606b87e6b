package cn.lishui.police.platform.config;

import java.util.List;
import java.util.Locale;

import cn.lishui.police.platform.error.ProblemErrorController;
import cn.lishui.police.platform.error.ProblemExceptionHandler;
import cn.lishui.police.platform.error.ProblemFactory;
import cn.lishui.police.platform.web.OperatorInjectionGuard;
import cn.lishui.police.platform.web.PageRequestGuard;
import cn.lishui.police.platform.web.ProblemWriter;
import cn.lishui.police.platform.web.RequestBodyLimitFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Servlet services: problem+json for every error (controller advice, the container error page, the
 * body-size filter), zh-CN by default with English on {@code Accept-Language: en}. (Pages are
 * serialized as {@code {content, page}} through {@code spring.data.web.pageable.serialization-mode}, so
 * Boot's own Spring Data web support, with its size cap, stays in charge.)
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class},
        after = PlatformCoreAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(PlatformWebProperties.class)
public class PlatformWebMvcAutoConfiguration {

    /** Request filters run after tracing and security, so problems carry a trace id. */
    public static final int BODY_LIMIT_FILTER_ORDER = Ordered.LOWEST_PRECEDENCE - 100;
    public static final int INJECTION_GUARD_ORDER = Ordered.LOWEST_PRECEDENCE - 95;
    public static final int IDEMPOTENCY_FILTER_ORDER = Ordered.LOWEST_PRECEDENCE - 90;

    @Bean
    ProblemExceptionHandler problemExceptionHandler(ProblemFactory problems) {
        return new ProblemExceptionHandler(problems);
    }

    @Bean
    ProblemErrorController problemErrorController(ProblemFactory problems) {
        return new ProblemErrorController(problems);
    }

    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        return resolver;
    }

    @Bean
    WebMvcConfigurer pageRequestGuard() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new PageRequestGuard());
            }
        };
    }

    @Bean
    ProblemWriter problemWriter(ProblemFactory problems, LocaleResolver localeResolver, JsonMapper jsonMapper) {
        return new ProblemWriter(problems, localeResolver, jsonMapper);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PlatformWebProperties properties,
                                                                          ProblemWriter problemWriter) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.maxRequestSize(), problemWriter));
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OperatorInjectionGuard> operatorInjectionGuard(ProblemWriter problemWriter,
                                                                          JsonMapper jsonMapper) {
        FilterRegistrationBean<OperatorInjectionGuard> registration =
                new FilterRegistrationBean<>(new OperatorInjectionGuard(problemWriter, jsonMapper));
        registration.setOrder(INJECTION_GUARD_ORDER);
        return registration;
    }
}
