package cn.lishui.police.platform.feign;

import java.util.function.Supplier;

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

    private final Supplier<String> serviceToken;

    /** @param serviceTokens the service's own tokens, or {@code null} if it has no client secret */
    public BearerTokenRelay(ServiceTokens serviceTokens) {
        this(serviceTokens == null ? null : serviceTokens::accessToken);
    }

    /**
     * @param serviceToken gives the service's own access token for calls made without a user, or is
     *                     {@code null} if the service has none (test support passes its own here)
     */
    public BearerTokenRelay(Supplier<String> serviceToken) {
        this.serviceToken = serviceToken;
    }

    @Override
    public void apply(RequestTemplate request) {
        if (request.headers().containsKey("Authorization")) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken user) {
            request.header("Authorization", "Bearer " + user.getToken().getTokenValue());
        } else if (serviceToken != null) {
            request.header("Authorization", "Bearer " + serviceToken.get());
        }
    }
}
