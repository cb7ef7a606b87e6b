package cn.lishui.police.platform.config;

import cn.lishui.police.platform.error.ProblemFactory;
import cn.lishui.police.platform.reactive.ReactiveProblemExceptionHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Reactive applications (the gateway): the same problem bodies as the servlet services. */
@AutoConfiguration(before = ErrorWebFluxAutoConfiguration.class, after = PlatformCoreAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class PlatformWebFluxAutoConfiguration {

    @Bean
    ReactiveProblemExceptionHandler reactiveProblemExceptionHandler(ProblemFactory problems, JsonMapper jsonMapper) {
        return new ReactiveProblemExceptionHandler(problems, jsonMapper);
    }
}
