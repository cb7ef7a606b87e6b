package cn.lishui.police.platform.jvm;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The heap's shape once the service has started ({@link HeapShapeAfterStart}); nothing changes unless both ratios
 * are set. deploy/local/run.sh sets 10 and 30 for every service it starts.
 *
 * @param minHeapFreeRatio HotSpot's {@code MinHeapFreeRatio} from then on: the heap grows when less is free
 * @param maxHeapFreeRatio HotSpot's {@code MaxHeapFreeRatio} from then on: the heap shrinks when more is free
 */
@ConfigurationProperties("fengqiao.jvm.after-start")
public record HeapShapeProperties(Integer minHeapFreeRatio, Integer maxHeapFreeRatio) {
}
