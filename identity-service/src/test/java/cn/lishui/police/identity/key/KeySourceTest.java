package cn.lishui.police.identity.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import cn.lishui.police.platform.mongo.EmbeddedMongoProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Where the keys come from: configuration in production, generated only in the embedded default. */
class KeySourceTest {

    final Clock clock = Clock.systemUTC();
    final EmbeddedMongoProperties fileStore = new EmbeddedMongoProperties(EmbeddedMongoProperties.Persistence.FILE,
            Path.of("/var/lib/fengqiao"), null);

    @Test
    void productionWithoutConfiguredKeysRefusesToStart() {
        MockEnvironment production = new MockEnvironment().withProperty("spring.mongodb.uri", "mongodb://db/x");

        assertThatThrownBy(() -> KeyConfiguration.storage(new KeyProperties(null, null, null, null), fileStore,
                production, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fengqiao.identity.keys.jwks-file");
    }

    @Test
    void productionReadsAConfiguredFileAndNeverCreatesIt() {
        MockEnvironment production = new MockEnvironment().withProperty("spring.mongodb.uri", "mongodb://db/x");

        KeyStorage storage = KeyConfiguration.storage(new KeyProperties(Path.of("/run/secrets/jwks.json"), null, null,
                null), fileStore, production, clock);

        assertThat(storage).isInstanceOf(JwksFile.class);
        assertThatThrownBy(storage::load).hasMessageContaining("does not exist");
    }

    @Test
    void aPemFromTheEnvironmentIsUsedWhenGiven() {
        KeyStorage storage = KeyConfiguration.storage(new KeyProperties(null, "-----BEGIN PRIVATE KEY-----", List.of(),
                null), fileStore, new MockEnvironment().withProperty("spring.mongodb.uri", "mongodb://db/x"), clock);

        assertThat(storage).isInstanceOf(PemKeys.class);
        assertThat(storage.writable()).isFalse();
    }

    @Test
    void theEmbeddedDefaultKeepsItsKeysBesideTheServiceData() {
        MockEnvironment embedded = new MockEnvironment().withProperty("spring.application.name", "identity-service");

        KeyStorage storage = KeyConfiguration.storage(new KeyProperties(null, null, null, null), fileStore, embedded,
                clock);

        assertThat(storage.describe()).endsWith("/var/lib/fengqiao/identity-service/jwks.json");
    }
}
