package cn.lishui.police.platform.mongo;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * The embedded MongoDB server, started when {@code spring.mongodb.uri} is not set.
 *
 * @param persistence {@code file} (H2 MVStore under {@code dataDir/<application>}) or {@code memory}
 *                    (tests; the platform-test module selects it)
 * @param dataDir     root of the data directories; defaults to {@code $FENGQIAO_DATA_DIR} or {@code ./data}
 * @param database    database name the driver uses; defaults to {@code fengqiao_<area>}
 * @param cacheSize   heap the file store may keep for pages read from the file, as decoded documents and index
 *                    keys (MVStore's page cache; whole megabytes, at least 1 MB); default {@value #DEFAULT_CACHE_MB} MB.
 *                    Pages written since the last commit and the data of running queries come on top. The
 *                    budget holds ({@link BoundedPageCache}); MVStore counts a decoded document's heap within
 *                    about a third (measured: 16 MB counted, 11–19 MB on the heap).
 * @param ttlSweep    how often documents past a TTL index's time are removed ({@link ExpiredDocumentSweep}: the
 *                    embedded server does not expire documents itself); default 1 h, at least 1 min
 */
@ConfigurationProperties("fengqiao.mongo.embedded")
public record EmbeddedMongoProperties(Persistence persistence, Path dataDir, String database, DataSize cacheSize,
                                      Duration ttlSweep) {

    public enum Persistence { FILE, MEMORY }

    static final int DEFAULT_CACHE_MB = 16;

    @ConstructorBinding
    public EmbeddedMongoProperties {
        persistence = persistence == null ? Persistence.FILE : persistence;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        cacheSize = cacheSize == null ? DataSize.ofMegabytes(DEFAULT_CACHE_MB) : cacheSize;
        if (cacheSize.toMegabytes() < 1) {
            throw new IllegalStateException("fengqiao.mongo.embedded.cache-size must be at least 1MB, got " + cacheSize);
        }
        ttlSweep = ttlSweep == null ? Duration.ofHours(1) : ttlSweep;
        if (ttlSweep.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalStateException("fengqiao.mongo.embedded.ttl-sweep must be at least 1m, got " + ttlSweep);
        }
    }

    /** With the default page cache. */
    public EmbeddedMongoProperties(Persistence persistence, Path dataDir, String database) {
        this(persistence, dataDir, database, null, null);
    }
}
