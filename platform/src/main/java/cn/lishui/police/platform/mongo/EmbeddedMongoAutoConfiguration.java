package cn.lishui.police.platform.mongo;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

import cn.lishui.police.platform.background.BackgroundSweep;
import cn.lishui.police.platform.snapshot.StoreChanges;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.core.env.Environment;

/**
 * The embedded default: when no {@code spring.mongodb.uri} is configured (and no test has supplied a
 * connection, e.g. a Testcontainers {@code @ServiceConnection}), start mongo-java-server in process
 * and point Boot's MongoDB auto-configuration at it.
 */
// after ServiceConnectionAutoConfiguration: a test's @ServiceConnection container must be seen first
@AutoConfiguration(before = MongoAutoConfiguration.class,
        afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnClass({MongoServer.class, ConnectionString.class, MongoClient.class})
@Conditional(EmbeddedMongoAutoConfiguration.NoMongoUriConfigured.class)
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class EmbeddedMongoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean({MongoConnectionDetails.class, EmbeddedMongoServer.class})
    EmbeddedMongoServer embeddedMongoServer(EmbeddedMongoProperties properties, Environment environment) {
        if (properties.persistence() == EmbeddedMongoProperties.Persistence.MEMORY) {
            return EmbeddedMongoServer.inMemory();
        }
        String application = environment.getProperty("spring.application.name", "application");
        return EmbeddedMongoServer.persistent(properties.dataDir().resolve(application),
                (int) properties.cacheSize().toMegabytes());
    }

    /** The writes the embedded server counted on the service's database (the one its connection string names). */
    @Bean
    @ConditionalOnBean(EmbeddedMongoServer.class)
    @ConditionalOnMissingBean(StoreChanges.class)
    StoreChanges embeddedStoreChanges(EmbeddedMongoServer server, EmbeddedMongoProperties properties,
                                      Environment environment) {
        String database = database(properties, environment);
        return collections -> OptionalLong.of(server.writes(database, collections));
    }

    /** Removes documents past their TTL index's time, which the embedded server does not do itself. */
    @Bean
    @ConditionalOnBean(EmbeddedMongoServer.class)
    ExpiredDocumentSweep embeddedExpiredDocumentSweep(ObjectProvider<MongoClient> client,
                                                      EmbeddedMongoProperties properties, Environment environment) {
        String database = database(properties, environment);
        return new ExpiredDocumentSweep(() -> client.getObject().getDatabase(database), Clock.systemUTC());
    }

    /** Runs it a minute after start and then every {@code fengqiao.mongo.embedded.ttl-sweep}. */
    @Bean
    @ConditionalOnBean(EmbeddedMongoServer.class)
    BackgroundSweep embeddedTtlSweepSchedule(ExpiredDocumentSweep sweep, EmbeddedMongoProperties properties) {
        return new BackgroundSweep("embedded-ttl-sweep", Duration.ofMinutes(1), properties.ttlSweep(), sweep::sweepLogged);
    }

    @Bean
    @ConditionalOnMissingBean(MongoConnectionDetails.class)
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server,
                                                          EmbeddedMongoProperties properties,
                                                          Environment environment) {
        String database = database(properties, environment);
        ConnectionString connection = new ConnectionString(server.connectionString() + "/" + database);
        return () -> connection;
    }

    /**
     * The file store's page cache as two gauges: what it may hold and what it holds (bytes, by MVStore's own
     * count, in whole megabytes): a cache that is always full at its budget is the first thing to look at when a
     * service's heap grows.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class PageCacheMetrics {

        @Bean
        MeterBinder embeddedStorePageCacheMetrics(ObjectProvider<EmbeddedMongoServer> embedded) {
            return registry -> {
                EmbeddedMongoServer server = embedded.getIfAvailable();
                if (server == null) {
                    return; // a test's own MongoDB (@ServiceConnection)
                }
                Gauge.builder("fengqiao.embedded.store.page.cache", server, s -> s.pageCacheMegabytes()[0] * MEGABYTE)
                        .baseUnit("bytes").description("heap the embedded store may keep for pages read from its file")
                        .register(registry);
                Gauge.builder("fengqiao.embedded.store.page.cache.used", server,
                                s -> s.pageCacheMegabytes()[1] * MEGABYTE)
                        .baseUnit("bytes").description("heap the embedded store's page cache holds now")
                        .register(registry);
            };
        }
    }

    private static final double MEGABYTE = 1024 * 1024;

    /** The service's database: {@code fengqiao.mongo.embedded.database}, else one named after the application. */
    static String database(EmbeddedMongoProperties properties, Environment environment) {
        return properties.database() != null ? properties.database() : defaultDatabase(environment);
    }

    /** {@code grid-service} → {@code fengqiao_grid}, as ARCHITECTURE.md §1 names the stores. */
    static String defaultDatabase(Environment environment) {
        String application = environment.getProperty("spring.application.name", "application");
        String area = application.toLowerCase(Locale.ROOT).replace("-service", "").replace('-', '_');
        return "fengqiao_" + area;
    }

    /** Matches when neither {@code spring.mongodb.uri} nor a host is configured: the embedded default. */
    static class NoMongoUriConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            if (env.containsProperty("spring.mongodb.uri") || env.containsProperty("spring.mongodb.host")) {
                return ConditionOutcome.noMatch("a MongoDB server is configured");
            }
            return ConditionOutcome.match("no spring.mongodb.uri: embedded MongoDB");
        }
    }
}
