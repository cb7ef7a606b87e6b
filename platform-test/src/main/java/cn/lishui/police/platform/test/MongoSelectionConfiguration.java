package cn.lishui.police.platform.test;

import com.mongodb.ConnectionString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/** The selection behind {@link SelectedMongo}. */
@TestConfiguration(proxyBeanMethods = false)
class MongoSelectionConfiguration {

    static final String URI_VARIABLE = "TEST_MONGODB_URI";
    private static final Logger log = LoggerFactory.getLogger(MongoSelectionConfiguration.class);

    /** One container per test JVM, shared by every context that selects it; Ryuk removes it at exit. */
    private static MongoDBContainer sharedContainer;

    @Bean
    @Conditional(UriGiven.class)
    MongoConnectionDetails testMongoUri() {
        ConnectionString given = new ConnectionString(System.getenv(URI_VARIABLE));
        ConnectionString withDatabase = given.getDatabase() != null ? given
                : new ConnectionString(withPath(given.getConnectionString(), "fengqiao_test"));
        log.info("Tests use the MongoDB of {}", URI_VARIABLE);
        return () -> withDatabase;
    }

    @Bean(destroyMethod = "")
    @ServiceConnection
    @Conditional(DockerWithoutUri.class)
    MongoDBContainer mongoContainer() {
        synchronized (MongoSelectionConfiguration.class) {
            if (sharedContainer == null) {
                log.info("Tests use a Testcontainers mongo:7");
                sharedContainer = new MongoDBContainer("mongo:7");
            }
            return sharedContainer;
        }
    }

    private static String withPath(String uri, String database) {
        int query = uri.indexOf('?');
        String base = query < 0 ? uri : uri.substring(0, query);
        String options = query < 0 ? "" : uri.substring(query);
        return (base.endsWith("/") ? base : base + "/") + database + options;
    }

    static final class UriGiven extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = System.getenv(URI_VARIABLE);
            return uri != null && !uri.isBlank()
                    ? ConditionOutcome.match(URI_VARIABLE + " is set")
                    : ConditionOutcome.noMatch(URI_VARIABLE + " is not set");
        }
    }

    static final class DockerWithoutUri extends SpringBootCondition {
        private static Boolean dockerAvailable;

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = System.getenv(URI_VARIABLE);
            if (uri != null && !uri.isBlank()) {
                return ConditionOutcome.noMatch(URI_VARIABLE + " is set");
            }
            if (!dockerAvailable()) {
                log.info("No Docker engine: tests use the embedded in-memory MongoDB");
                return ConditionOutcome.noMatch("no Docker engine");
            }
            return ConditionOutcome.match("Docker is available");
        }

        private static synchronized boolean dockerAvailable() {
            if (dockerAvailable == null) {
                try {
                    dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    dockerAvailable = false;
                }
            }
            return dockerAvailable;
        }
    }
}
