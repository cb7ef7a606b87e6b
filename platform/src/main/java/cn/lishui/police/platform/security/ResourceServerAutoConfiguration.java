package cn.lishui.police.platform.security;

import java.time.Clock;

import cn.lishui.police.platform.config.PlatformWebMvcAutoConfiguration;
import cn.lishui.police.platform.web.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every servlet service is an OAuth2 resource server that validates the JWT itself (defence in
 * depth behind the gateway): signature against the identity service's JWKS, issuer, audience and
 * expiry (Boot's {@code spring.security.oauth2.resourceserver.jwt.*}, set in the platform defaults).
 * Health, metrics and API docs are open; so are the service's {@code fengqiao.security.public-paths};
 * everything else needs a token. Roles arrive as {@code ROLE_*} authorities for {@code @PreAuthorize},
 * and {@link Caller#current()} gives the object-level rules their subject and area. A token checked once is
 * not checked again until it expires ({@link VerifiedTokens}, {@code fengqiao.security.verified-tokens}). A service that
 * needs other chains (identity-service) declares its own {@link SecurityFilterChain} and reuses the
 * converter and problem handlers defined here.
 */
@AutoConfiguration(after = PlatformWebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class})
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class ResourceServerAutoConfiguration {

    private static final String[] ALWAYS_OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    @ConditionalOnMissingBean
    FengqiaoJwtAuthenticationConverter fengqiaoJwtAuthenticationConverter() {
        return new FengqiaoJwtAuthenticationConverter();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemSecurityHandlers problemSecurityHandlers(ProblemWriter problemWriter) {
        return new ProblemSecurityHandlers(problemWriter);
    }

    @Bean
    AccessDeniedProblemAdvice accessDeniedProblemAdvice(cn.lishui.police.platform.error.ProblemFactory problems) {
        return new AccessDeniedProblemAdvice(problems);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, PlatformSecurityProperties properties,
                                                  FengqiaoJwtAuthenticationConverter converter,
                                                  ProblemSecurityHandlers handlers,
                                                  ObjectProvider<JwtDecoder> decoder) throws Exception {
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(ALWAYS_OPEN).permitAll();
            for (String publicPath : properties.publicPaths()) {
                String[] parts = publicPath.strip().split("\\s+", 2);
                if (parts.length == 2) {
                    requests.requestMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
                } else {
                    requests.requestMatchers(parts[0]).permitAll();
                }
            }
            requests.anyRequest().authenticated();
        });
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> {
                    jwt.jwtAuthenticationConverter(converter);
                    JwtDecoder checks = decoder.getIfAvailable();
                    if (checks != null && properties.verifiedTokens() > 0) {
                        jwt.decoder(new VerifiedTokens(properties.verifiedTokens(), Clock.systemUTC()).decoding(checks));
                    }
                })
                .authenticationEntryPoint(handlers)
                .accessDeniedHandler(handlers));
        http.exceptionHandling(errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(csrf -> csrf.disable()); // bearer tokens only, no cookies: nothing for CSRF to ride on
        http.requestCache(cache -> cache.disable());
        return http.build();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableMethodSecurity
    static class MethodSecurity {
    }
}
