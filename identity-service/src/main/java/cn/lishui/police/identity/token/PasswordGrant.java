package cn.lishui.police.identity.token;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The resource owner password credentials grant (RFC 6749 §4.3), which Spring Authorization Server no
 * longer ships: kept for first-party clients and scripted tests only (like Keycloak's direct access
 * grants), on the public {@code fengqiao-cli} client, where {@code fengqiao.identity.password-grant.enabled}.
 */
final class PasswordGrant {

    static final AuthorizationGrantType TYPE = new AuthorizationGrantType("password");

    private PasswordGrant() {
    }
}
