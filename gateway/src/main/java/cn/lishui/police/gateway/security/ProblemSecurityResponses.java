package cn.lishui.police.gateway.security;

import cn.lishui.police.gateway.problem.GatewayProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem bodies with the challenge RFC 6750 asks for: no token where one is needed is
 * {@code UNAUTHENTICATED}; a token that is malformed, unsigned ({@code alg: none}), badly signed,
 * expired, or of another issuer or audience is {@code INVALID_TOKEN}; a valid token without the role
 * a route needs is {@code FORBIDDEN}. When the token cannot be checked at all (the identity service's
 * keys cannot be fetched) the answer is 503, not a 401 that would send a user to sign in again.
 */
@Component
class ProblemSecurityResponses
        implements ServerAuthenticationEntryPoint, ServerAuthenticationFailureHandler, ServerAccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemSecurityResponses.class);

    private final GatewayProblems problems;

    ProblemSecurityResponses(GatewayProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        HttpHeaders headers = new HttpHeaders();
        if (isInvalidToken(failure)) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", headers);
        }
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", headers);
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException failure) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        if (failure instanceof AuthenticationServiceException) {
            log.warn("Bearer token could not be checked on {} {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), NestedExceptionUtils.getMostSpecificCause(failure).toString());
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE");
        }
        return commence(exchange, failure);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return problems.write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN", headers);
    }

    private static boolean isInvalidToken(AuthenticationException failure) {
        // InvalidBearerTokenException (bad signature, expired, wrong issuer or audience, alg none) is one;
        // so is a header that is not a bearer token at all (malformed, or more than one token)
        return failure instanceof OAuth2AuthenticationException
                || failure.getCause() instanceof OAuth2AuthenticationException;
    }
}
