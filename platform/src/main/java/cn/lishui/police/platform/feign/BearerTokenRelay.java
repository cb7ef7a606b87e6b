package cn.lishui.police.platform.feign;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Every Feign call carries a token: the user's own, relayed, when the call is made for a user's
 * request (the provider then applies that user's rules); otherwise, for work the service does on
 * its own, the service's client-credentials token, when the service has a client secret.
 */
public final class BearerTokenRelay implements RequestInterceptor {

    private final ServiceTokens serviceTokens;

    /** @param serviceTokens the service's own tokens, or {@code null} if it has no client secret */
    public BearerTokenRelay(ServiceTokens serviceTokens) {
        this.serviceTokens = serviceTokens;
    }

    @Override
    public void apply(RequestTemplate request) {
        if (request.headers().containsKey("Authorization")) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken user) {
            request.header("Authorization", "Bearer " + user.getToken().getTokenValue());
        } else if (serviceTokens != null) {
            request.header("Authorization", "Bearer " + serviceTokens.accessToken());
        }
    }
}
