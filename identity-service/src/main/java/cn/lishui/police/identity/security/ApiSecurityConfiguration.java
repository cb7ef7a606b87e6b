package cn.lishui.police.identity.security;

import cn.lishui.police.platform.security.FengqiaoJwtAuthenticationConverter;
import cn.lishui.police.platform.security.PlatformSecurityProperties;
import cn.lishui.police.platform.security.ProblemSecurityHandlers;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /api/identity/**} is a resource server of the service's own tokens (same issuer and audience
 * rules as every other service). Open: the role catalogue and sign-up ({@code fengqiao.security.public-paths});
 * ADMIN only: staff provisioning and key administration; everything else needs a token, and the
 * controllers apply the object-level rules.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, PlatformSecurityProperties properties,
                                 @Qualifier("identityJwtDecoder") JwtDecoder decoder,
                                 FengqiaoJwtAuthenticationConverter converter, ProblemSecurityHandlers problems) {
        http.securityMatcher("/api/**");
        http.authorizeHttpRequests(requests -> {
            for (String publicPath : properties.publicPaths()) {
                String[] parts = publicPath.strip().split("\\s+", 2);
                if (parts.length == 2) {
                    requests.requestMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
                } else {
                    requests.requestMatchers(parts[0]).permitAll();
                }
            }
            requests.requestMatchers("/api/identity/staff", "/api/identity/staff/**", "/api/identity/admin/**")
                    .hasRole("ADMIN");
            requests.anyRequest().authenticated();
        });
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        http.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(csrf -> csrf.disable()); // bearer tokens only, no cookies: nothing for CSRF to ride on
        http.requestCache(cache -> cache.disable());
        return http.build();
    }
}
