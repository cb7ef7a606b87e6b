package cn.lishui.police.identity.token;

import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** A password-grant token request: the client (already authenticated), the user's credentials, the scopes asked for. */
final class PasswordGrantAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

    private final String username;
    private final Set<String> scopes;
    private String password;

    PasswordGrantAuthenticationToken(String username, String password, Set<String> scopes,
                                     Authentication clientPrincipal, Map<String, Object> additionalParameters) {
        super(PasswordGrant.TYPE, clientPrincipal, additionalParameters);
        this.username = username;
        this.password = password;
        this.scopes = Set.copyOf(scopes);
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    Set<String> scopes() {
        return scopes;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        password = null;
    }
}
