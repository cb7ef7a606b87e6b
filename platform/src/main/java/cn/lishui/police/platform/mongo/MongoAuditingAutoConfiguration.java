package cn.lishui.police.platform.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.data.mongodb.config.EnableMongoAuditing;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@code @CreatedDate} / {@code @LastModifiedDate} on every service's documents, switched on once here
 * rather than by an annotation on each application class.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnClass({MongoTemplate.class, EnableMongoAuditing.class})
@ConditionalOnMissingBean(name = "mongoAuditingHandler")
@EnableMongoAuditing
public class MongoAuditingAutoConfiguration {
}
