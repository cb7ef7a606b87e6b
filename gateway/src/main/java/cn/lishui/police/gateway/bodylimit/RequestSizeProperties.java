package cn.lishui.police.gateway.bodylimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxRequestSize the largest request body the gateway forwards ({@code fengqiao.gateway.max-request-size}) */
@ConfigurationProperties("fengqiao.gateway")
record RequestSizeProperties(@DefaultValue("1MB") DataSize maxRequestSize) {
}
