package cn.lishui.police.platform.jvm;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** {@link HeapShapeAfterStart} where both of its ratios are configured, in every service and the gateway. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "fengqiao.jvm.after-start", name = {"min-heap-free-ratio", "max-heap-free-ratio"})
@EnableConfigurationProperties(HeapShapeProperties.class)
public class HeapShapeAutoConfiguration {

    @Bean
    HeapShapeAfterStart heapShapeAfterStart(HeapShapeProperties properties) {
        return HeapShapeAfterStart.of(properties.minHeapFreeRatio(), properties.maxHeapFreeRatio());
    }
}
