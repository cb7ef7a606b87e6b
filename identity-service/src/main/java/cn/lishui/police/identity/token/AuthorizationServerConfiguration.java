package cn.lishui.police.identity.token;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import cn.lishui.police.identity.key.SigningKeys;
import cn.lishui.police.identity.user.Accounts;
import cn.lishui.police.identity.user.PasswordSignIn;
import cn.lishui.police.platform.security.FengqiaoJwtAuthenticationConverter;
import cn.lishui.police.platform.security.ProblemSecurityHandlers;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * identity-service as a Spring Authorization Server (OIDC): discovery, JWKS, the authorization
 * endpoint (login form, authorization code with PKCE), the token endpoint (authorization code, client
 * credentials, refresh token and, where enabled, the password grant of {@code fengqiao-cli}), userinfo.
 * Three filter chains: the protocol endpoints; {@code /api/**} as a resource server of its own tokens
 * ({@code ApiSecurityConfiguration}); and the rest (login form, health, API docs).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientProperties.class)
class AuthorizationServerConfiguration {

    static final String DECODER = "identityJwtDecoder";

    @Bean
    RegisteredClientRepository registeredClientRepository(ClientProperties properties, PasswordEncoder encoder,
                                                          Environment environment) {
        return new InMemoryRegisteredClientRepository(SuiteClients.all(properties, encoder, environment));
    }

    /** Authorization codes, refresh tokens and issued tokens: in memory, dropped when they expire. */
    @Bean
    OAuth2AuthorizationService authorizationService(Clock clock) {
        return new ExpiringAuthorizationService(clock);
    }

    @Bean
    OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JwtEncoder encoder, Accounts accounts, Clock clock) {
        JwtGenerator jwts = new JwtGenerator(encoder);
        jwts.setJwtCustomizer(new TokenClaims(accounts));
        return new DelegatingOAuth2TokenGenerator(jwts, new RefreshTokens(clock));
    }

    /**
     * Validates the service's own tokens in-process (no HTTP round trip to its own JWKS): signature by
     * any published key, RS256 only, the configured issuer, audience {@code fengqiao}, expiry. Primary,
     * so that it wins over the test decoder platform-test registers as {@code jwtDecoder}.
     */
    @Bean(DECODER)
    @Primary
    JwtDecoder identityJwtDecoder(SigningKeys keys, AuthorizationServerSettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(TokenClaims.AUDIENCE));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.getIssuer()), audience));
        return decoder;
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients,
                                                 OAuth2AuthorizationService authorizations,
                                                 OAuth2TokenGenerator<OAuth2Token> tokenGenerator,
                                                 PasswordSignIn signIn, ClientProperties properties,
                                                 Environment environment,
                                                 @Qualifier(DECODER) JwtDecoder decoder,
                                                 FengqiaoJwtAuthenticationConverter converter,
                                                 ProblemSecurityHandlers problems) {
        boolean passwordGrant = SuiteClients.passwordGrantEnabled(properties, environment);
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.tokenEndpoint(token -> {
                if (passwordGrant) {
                    token.accessTokenRequestConverter(new PasswordGrantAuthenticationConverter());
                    token.authenticationProvider(
                            new PasswordGrantAuthenticationProvider(signIn, authorizations, tokenGenerator));
                }
            });
            server.clientAuthentication(client -> client
                    .authenticationConverter(new PublicClientGrantAuthentication.Converter())
                    .authenticationProvider(new PublicClientGrantAuthentication.Provider(clients)));
            server.oidc(Customizer.withDefaults());
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        // userinfo (and client registration) take this server's own bearer tokens
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        http.exceptionHandling(errors -> errors
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers())
                .defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /** The login form of the authorization-code flow, health, metrics, API docs and the error page. */
    @Bean
    @Order(3)
    SecurityFilterChain signInChain(HttpSecurity http, PasswordSignIn signIn) {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        // the page is SignInPage (localized, no script); Spring Security processes its POST /login
        http.formLogin(form -> form.loginPage("/login"));
        http.authenticationProvider(new FormSignInAuthenticationProvider(signIn));
        return http.build();
    }

    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }
}
