package cn.lishui.police.platform.personaldata;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import cn.lishui.police.platform.background.BackgroundSweep;
import cn.lishui.police.platform.config.TraceIds;
import cn.lishui.police.platform.mongo.EmbeddedMongoProperties;
import cn.lishui.police.platform.mongo.EmbeddedMongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Personal-data protection for every service with a store. Keys: from {@code fengqiao.personal-data.*}
 * when configured; otherwise, on the embedded default only, generated once beside the service's data
 * (or per run, in memory, for tests). A service on a real MongoDB without configured keys refuses to
 * start rather than invent keys that the next replica would not share.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnClass(MongoTemplate.class)
@EnableConfigurationProperties({PersonalDataProperties.class, EmbeddedMongoProperties.class})
public class PersonalDataAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    PersonalDataKeys personalDataKeys(PersonalDataProperties properties, EmbeddedMongoProperties embedded,
                                      Environment environment) {
        if (properties.configured()) {
            return new PersonalDataKeys(properties.activeKeyId(), properties.keys(), properties.blindIndexKey());
        }
        if (environment.containsProperty("spring.mongodb.uri")) {
            throw new IllegalStateException("Personal-data keys are not configured: set fengqiao.personal-data."
                    + "active-key-id, fengqiao.personal-data.keys.<id> and fengqiao.personal-data.blind-index-key");
        }
        if (embedded.persistence() == EmbeddedMongoProperties.Persistence.MEMORY) {
            return GeneratedKeyFile.ephemeral();
        }
        String application = environment.getProperty("spring.application.name", "application");
        Path file = embedded.dataDir().resolve(application).resolve("personal-data-keys.properties");
        log.info("Personal-data keys of the embedded default: {}", file.toAbsolutePath());
        return GeneratedKeyFile.loadOrCreate(file);
    }

    @Bean
    @ConditionalOnMissingBean
    PersonalDataProtector personalDataProtector(PersonalDataKeys keys) {
        return new PersonalDataProtector(keys);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MongoTemplate.class)
    PersonalDataReveals personalDataReveals(PersonalDataProtector protector, MongoTemplate mongo,
                                            PersonalDataProperties properties, TraceIds traceIds) {
        return new PersonalDataReveals(protector, mongo, properties.revealRoles(), traceIds, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MongoTemplate.class)
    PersonalDataRotation personalDataRotation(MongoTemplate mongo, PersonalDataProtector protector,
                                              PersonalDataKeys keys, PersonalDataProperties properties,
                                              ObjectProvider<EmbeddedMongoServer> embedded, Environment environment) {
        // the embedded store has one writer, this process; replicas on a real MongoDB may still seal under an
        // older key for up to one of their own passes (they run every interval)
        Duration settle = embedded.getIfAvailable() != null ? Duration.ZERO : rotationInterval(environment);
        return new PersonalDataRotation(mongo, protector, keys, properties.fields(), settle, Clock.systemUTC());
    }

    private static Duration rotationInterval(Environment environment) {
        return environment.getProperty("fengqiao.personal-data.rotation-interval", Duration.class, Duration.ofHours(1));
    }

    /**
     * After start, and then every {@code fengqiao.personal-data.rotation-interval}, re-seal stale values (a
     * field already found clean under the keys configured now is skipped, see {@link PersonalDataRotation});
     * only in services that declare where they keep personal data.
     */
    @Bean
    @ConditionalOnBean(PersonalDataRotation.class)
    @ConditionalOnProperty(prefix = "fengqiao.personal-data", name = "fields[0]")
    SmartLifecycle personalDataRotationSchedule(PersonalDataRotation rotation, Environment environment) {
        return new BackgroundSweep("personal-data-rotation", rotationInterval(environment), rotation::rotateAll);
    }

    @Bean
    @ConditionalOnBean(PersonalDataReveals.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.security.access.prepost.PreAuthorize")
    RevealAuditController revealAuditController(PersonalDataReveals reveals) {
        return new RevealAuditController(reveals);
    }
}
