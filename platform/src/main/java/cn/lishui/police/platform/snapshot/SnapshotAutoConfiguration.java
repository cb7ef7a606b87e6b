package cn.lishui.police.platform.snapshot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@link StoreWrites} for every service with a store, and {@link StoreChanges}: the embedded default's count
 * ({@code EmbeddedMongoAutoConfiguration}), or else {@link StoreChanges#UNKNOWN}.
 */
@AutoConfiguration(afterName = "cn.lishui.police.platform.mongo.EmbeddedMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
public class SnapshotAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StoreChanges storeChanges() {
        return StoreChanges.UNKNOWN;
    }

    @Bean
    @ConditionalOnMissingBean
    StoreWrites storeWrites() {
        return new StoreWrites();
    }
}
