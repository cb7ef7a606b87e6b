package cn.lishui.police.platform.mongo;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded MongoDB server, started when {@code spring.mongodb.uri} is not set.
 *
 * @param persistence {@code file} (H2 MVStore under {@code dataDir/<application>}) or {@code memory}
 *                    (tests; the platform-test module selects it)
 * @param dataDir     root of the data directories; defaults to {@code $FENGQIAO_DATA_DIR} or {@code ./data}
 * @param database    database name the driver uses; defaults to {@code fengqiao_<area>}
 */
@ConfigurationProperties("fengqiao.mongo.embedded")
public record EmbeddedMongoProperties(Persistence persistence, Path dataDir, String database) {

    public enum Persistence { FILE, MEMORY }

    public EmbeddedMongoProperties {
        persistence = persistence == null ? Persistence.FILE : persistence;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }
}
