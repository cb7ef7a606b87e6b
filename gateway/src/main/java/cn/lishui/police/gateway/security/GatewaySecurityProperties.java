package cn.lishui.police.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may pass the gateway, from configuration ({@code fengqiao.gateway.security}).
 *
 * @param publicPaths requests answered without a token, as {@code "GET /api/public/service-items/**"} or,
 *                    for every method, just the path pattern
 * @param accessRules role rules per route, checked in order after the public paths; a request that
 *                    matches none needs any valid token
 * @param verifiedTokens how many checked bearer tokens are kept until they expire ({@link cn.lishui.police.platform.security.VerifiedTokens});
 *                    10,000 when not set, 0 checks every request's token from scratch
 */
@ConfigurationProperties("fengqiao.gateway.security")
record GatewaySecurityProperties(List<String> publicPaths, List<AccessRule> accessRules, Integer verifiedTokens) {

    GatewaySecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        accessRules = accessRules == null ? List.of() : List.copyOf(accessRules);
        verifiedTokens = verifiedTokens == null ? 10_000 : verifiedTokens;
    }

    /**
     * @param path    a path pattern, e.g. {@code /api/identity/staff/**}
     * @param methods the HTTP methods the rule applies to; none means every method
     * @param roles   the roles (without {@code ROLE_}) of which the caller needs one; none means any
     *                authenticated caller
     */
    record AccessRule(String path, List<String> methods, List<String> roles) {

        AccessRule {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("an access rule needs a path");
            }
            methods = methods == null ? List.of() : List.copyOf(methods);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
