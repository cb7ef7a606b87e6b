package cn.lishui.police.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicPaths requests a service answers without a token, each {@code "GET /api/public/service-items/**"}
 *                    (one method) or {@code "/path/**"} (any method); everything else needs a valid JWT
 * @param verifiedTokens how many checked bearer tokens are kept until they expire, so that a client's next requests
 *                       with the same token skip the signature check ({@link VerifiedTokens}); 10,000 unless set,
 *                       {@code 0} checks every request from scratch
 */
@ConfigurationProperties("fengqiao.security")
public record PlatformSecurityProperties(List<String> publicPaths, Integer verifiedTokens) {

    public PlatformSecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        verifiedTokens = verifiedTokens == null ? 10_000 : verifiedTokens;
    }
}
