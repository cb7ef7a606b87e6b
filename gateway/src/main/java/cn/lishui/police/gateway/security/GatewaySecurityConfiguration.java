package cn.lishui.police.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import cn.lishui.police.gateway.problem.GatewayProblems;
import cn.lishui.police.gateway.security.GatewaySecurityProperties.AccessRule;
import cn.lishui.police.platform.security.FengqiaoJwtAuthenticationConverter;
import cn.lishui.police.platform.security.VerifiedTokens;
import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway is the first OAuth2 resource server of the suite: every bearer token is validated here
 * (signature against the identity service's JWKS, issuer, audience {@code fengqiao}, expiry; Boot builds
 * the decoder from {@code spring.security.oauth2.resourceserver.jwt.*}, which the platform defaults set),
 * even on public paths (a token already checked is remembered until it expires: {@link VerifiedTokens}).
 * Anonymous callers reach only the public paths; the access rules refine routes by role; the services
 * check the token again and apply their object-level rules. A token that cannot be checked because the
 * keys cannot be fetched is answered 503, not 401. Stateless: no session, no cookies, no CSRF token
 * (nothing ambient for CSRF to ride on), no login or logout of its own ({@code /login} and {@code /logout}
 * belong to the identity service).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySecurityProperties.class)
class GatewaySecurityConfiguration {

    /** The gateway's own actuator; nothing routes to a service's. */
    private static final String[] OWN_ACTUATOR = {"/actuator/health", "/actuator/health/**", "/actuator/prometheus"};

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, GatewaySecurityProperties properties,
                                                      ReactiveJwtDecoder jwtDecoder, ProblemSecurityResponses responses) {
        http.authorizeExchange(exchanges -> {
            exchanges.pathMatchers(HttpMethod.GET, OWN_ACTUATOR).permitAll();
            exchanges.matchers(PublicPaths.of(properties.publicPaths())).permitAll();
            for (AccessRule rule : properties.accessRules()) {
                restrict(exchanges, rule);
            }
            exchanges.anyExchange().authenticated();
        });
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.authenticationManager(tokenChecks(properties.verifiedTokens() > 0
                        ? remembering(jwtDecoder, new VerifiedTokens(properties.verifiedTokens(), Clock.systemUTC()))
                        : jwtDecoder)))
                .authenticationEntryPoint(responses)
                .authenticationFailureHandler(responses)
                .accessDeniedHandler(responses));
        http.exceptionHandling(errors -> errors.authenticationEntryPoint(responses).accessDeniedHandler(responses));
        http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        http.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()));
        http.csrf(ServerHttpSecurity.CsrfSpec::disable);
        http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable);
        http.formLogin(ServerHttpSecurity.FormLoginSpec::disable);
        http.logout(ServerHttpSecurity.LogoutSpec::disable);
        // the response headers are written by SecurityHeaders, for every response of the gateway
        http.headers(ServerHttpSecurity.HeaderSpec::disable);
        return http.build();
    }

    /**
     * The identity service's keys are fetched (and cached) by the decoder; a service that does not answer
     * must not hold requests forever, so the fetch gets the same short timeouts as calls between services:
     * 1 s to connect, 2 s between reads of the answer, and 3 s for the whole wait for the answer's head, which also
     * bounds what the other two do not: waiting for a pooled connection and for the request to be sent.
     */
    @Bean
    JwkSetUriReactiveJwtDecoderBuilderCustomizer jwkSetFetchTimeouts() {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
                .responseTimeout(Duration.ofSeconds(2));
        WebClient webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .filter((request, next) -> next.exchange(request).timeout(Duration.ofSeconds(3)))
                .build();
        return builder -> builder.webClient(webClient);
    }

    /**
     * Spring Security's firewall of every request, with the strict firewall's rules checked once per request
     * ({@link RequestFirewall}); it also answers a refused request with a 400 problem.
     */
    @Bean
    RequestFirewall requestFirewall(GatewayProblems problems) {
        return new RequestFirewall(problems);
    }

    /** Spring Security's filters linked without a checkpoint per filter ({@link SecurityFilterChainLinks}). */
    @Bean
    static BeanPostProcessor securityFilterChainLinks(ObjectProvider<SecurityObservationSettings> settings) {
        return SecurityFilterChainLinks.installer(settings);
    }

    /** The decoder, asked only for tokens not already checked and still current ({@link VerifiedTokens}). */
    static ReactiveJwtDecoder remembering(ReactiveJwtDecoder decoder, VerifiedTokens tokens) {
        return token -> {
            Jwt known = tokens.get(token);
            return known != null ? Mono.just(known) : decoder.decode(token).doOnNext(jwt -> tokens.remember(token, jwt));
        };
    }

    /**
     * Checks a bearer token with the decoder Boot built from the properties. When the keys cannot be
     * fetched the decoder fails with an error that is no authentication error at all; it is made one
     * ({@link AuthenticationServiceException}), which {@link ProblemSecurityResponses} answers with 503.
     */
    private static ReactiveAuthenticationManager tokenChecks(ReactiveJwtDecoder jwtDecoder) {
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(jwtDecoder);
        manager.setJwtAuthenticationConverter(
                new ReactiveJwtAuthenticationConverterAdapter(new FengqiaoJwtAuthenticationConverter()));
        return authentication -> manager.authenticate(authentication).onErrorMap(
                error -> !(error instanceof AuthenticationException),
                error -> new AuthenticationServiceException("The bearer token could not be checked", error));
    }

    private static void restrict(AuthorizeExchangeSpec exchanges, AccessRule rule) {
        List<HttpMethod> methods = rule.methods().stream().map(method -> HttpMethod.valueOf(method.toUpperCase())).toList();
        String[] roles = rule.roles().toArray(String[]::new);
        if (methods.isEmpty()) {
            grant(exchanges.pathMatchers(rule.path()), roles);
        }
        for (HttpMethod method : methods) {
            grant(exchanges.pathMatchers(method, rule.path()), roles);
        }
    }

    private static void grant(AuthorizeExchangeSpec.Access access, String[] roles) {
        if (roles.length == 0) {
            access.authenticated();
        } else {
            access.hasAnyRole(roles);
        }
    }
}
