package cn.lishui.police.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicPaths requests a service answers without a token, each {@code "GET /api/public/service-items/**"}
 *                    (one method) or {@code "/path/**"} (any method); everything else needs a valid JWT
 */
@ConfigurationProperties("fengqiao.security")
public record PlatformSecurityProperties(List<String> publicPaths) {

    public PlatformSecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
