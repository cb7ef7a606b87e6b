package cn.lishui.police.identity.key;

import java.nio.file.Path;
import java.time.Clock;

import cn.lishui.police.identity.EmbeddedDefault;
import cn.lishui.police.platform.mongo.EmbeddedMongoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The signing keys: from {@code fengqiao.identity.keys.jwks-file} or {@code .pem} when configured;
 * otherwise, in the embedded default only, a JWK set generated on first start beside the service's
 * data (in memory when the embedded store is). Production without configured keys refuses to start
 * rather than invent keys the next replica would not share.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KeyProperties.class, EmbeddedMongoProperties.class})
class KeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyConfiguration.class);

    @Bean
    SigningKeys signingKeys(KeyProperties properties, EmbeddedMongoProperties embedded, Environment environment,
                            Clock clock) {
        KeyStorage storage = storage(properties, embedded, environment, clock);
        SigningKeys keys = new SigningKeys(storage, clock, properties.retireAfter());
        log.info("Signing keys from {}; active key id {}", storage.describe(), keys.active().getKeyID());
        return keys;
    }

    /** Signs with the newest key; the JWK source publishes (and validates with) all of them. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(keys::newestOf);
        return encoder;
    }

    static KeyStorage storage(KeyProperties properties, EmbeddedMongoProperties embedded, Environment environment,
                              Clock clock) {
        boolean embeddedDefault = EmbeddedDefault.active(environment);
        if (properties.jwksFile() != null) {
            return new JwksFile(properties.jwksFile(), embeddedDefault, clock);
        }
        if (properties.pem() != null) {
            return new PemKeys(properties.pem(), properties.retiredPems());
        }
        if (!embeddedDefault) {
            throw new IllegalStateException("Signing keys are not configured: set fengqiao.identity.keys.jwks-file "
                    + "or fengqiao.identity.keys.pem (FENGQIAO_IDENTITY_SIGNING_KEY_PEM)");
        }
        if (embedded.persistence() == EmbeddedMongoProperties.Persistence.MEMORY) {
            return new InMemoryKeys(clock);
        }
        String application = environment.getProperty("spring.application.name", "identity-service");
        Path file = embedded.dataDir().resolve(application).resolve("jwks.json");
        return new JwksFile(file, true, clock);
    }
}
