package cn.lishui.police.gateway.cache;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's cache of public, anonymous reads ({@code fengqiao.gateway.response-cache}, see
 * {@link PublicResponseCache}).
 *
 * @param enabled       off: every request is forwarded
 * @param paths         the request paths (Spring path patterns) whose anonymous GETs may be answered from the cache;
 *                      a response is stored only when its service allows it ({@code Cache-Control: public, max-age})
 * @param maxEntries    the most responses kept; the least recently used go first
 * @param maxBytes      the most memory the kept responses may take (bodies, headers and keys, estimated)
 * @param maxEntryBytes a larger response is forwarded and not kept
 * @param maxTtl        a response is kept at most this long, whatever its {@code max-age} says
 */
@ConfigurationProperties("fengqiao.gateway.response-cache")
record ResponseCacheProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue({"/api/public/items/**", "/api/public/service-items/**"}) List<String> paths,
                               @DefaultValue("2000") int maxEntries,
                               @DefaultValue("32MB") DataSize maxBytes,
                               @DefaultValue("1MB") DataSize maxEntryBytes,
                               @DefaultValue("60s") Duration maxTtl) {

    ResponseCacheProperties {
        if (maxEntries < 1 || maxBytes.toBytes() < 1 || maxEntryBytes.toBytes() < 1 || maxTtl.isNegative()) {
            throw new IllegalArgumentException("fengqiao.gateway.response-cache needs max-entries, max-bytes and "
                    + "max-entry-bytes >= 1 and a max-ttl >= 0");
        }
        paths = List.copyOf(paths);
    }
}
