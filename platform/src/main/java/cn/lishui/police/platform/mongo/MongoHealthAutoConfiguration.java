package cn.lishui.police.platform.mongo;

import com.mongodb.client.MongoClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The {@code mongo} health contributor (part of readiness), answered by {@code ping}. */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({MongoClient.class, HealthIndicator.class})
@ConditionalOnBean(MongoClient.class)
public class MongoHealthAutoConfiguration {

    /** Named so that Boot's {@code hello}-based contributor backs off. */
    @Bean(name = "mongoHealthContributor")
    HealthIndicator mongoHealthContributor(MongoClient client) {
        return new MongoPingHealthIndicator(client);
    }
}
