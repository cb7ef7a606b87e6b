package cn.lishui.police.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** @param maxRequestSize the largest request body a service accepts; larger ones get 413 */
@ConfigurationProperties("fengqiao.web")
public record PlatformWebProperties(DataSize maxRequestSize) {

    public PlatformWebProperties {
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
    }
}
