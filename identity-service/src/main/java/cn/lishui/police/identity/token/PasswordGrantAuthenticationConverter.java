package cn.lishui.police.identity.token;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Reads {@code grant_type=password&username=...&password=...[&scope=...]} from the token request's form
 * body. Credentials in the query string are refused: they would end up in access logs.
 */
final class PasswordGrantAuthenticationConverter implements AuthenticationConverter {

    private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-4.3.2";
    private static final String USERNAME = "username";
    private static final String PASSWORD = "password";

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!PasswordGrant.TYPE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
            return null;
        }
        String query = request.getQueryString();
        if (query != null && (query.contains(PASSWORD + "=")
                || query.contains(USERNAME + "="))) {
            throw invalidRequest("credentials must be sent in the request body");
        }
        String username = single(request, USERNAME);
        String password = single(request, PASSWORD);
        Set<String> scopes = new LinkedHashSet<>();
        String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
        if (request.getParameterValues(OAuth2ParameterNames.SCOPE) != null
                && request.getParameterValues(OAuth2ParameterNames.SCOPE).length > 1) {
            throw invalidRequest("scope must be given once");
        }
        if (StringUtils.hasText(scope)) {
            scopes.addAll(Arrays.asList(StringUtils.delimitedListToStringArray(scope.strip(), " ")));
            scopes.remove("");
        }
        Map<String, Object> additional = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!Set.of(OAuth2ParameterNames.GRANT_TYPE, OAuth2ParameterNames.CLIENT_ID, USERNAME,
                    PASSWORD, OAuth2ParameterNames.SCOPE).contains(name)) {
                additional.put(name, values.length == 1 ? values[0] : values);
            }
        });
        Authentication client = SecurityContextHolder.getContext().getAuthentication();
        return new PasswordGrantAuthenticationToken(username, password, scopes, client, additional);
    }

    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length != 1 || !StringUtils.hasText(values[0])) {
            throw invalidRequest(name + " is required, once");
        }
        return values[0];
    }

    private static OAuth2AuthenticationException invalidRequest(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, ERROR_URI));
    }
}
