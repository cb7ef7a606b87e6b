package cn.lishui.police.platform.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * mongo-java-server running in this JVM on a loopback port, spoken to over the wire by the real
 * MongoDB driver, so the application code cannot tell it from a {@code mongod}. Stops with the
 * application context.
 */
public final class EmbeddedMongoServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path storeFile;

    private EmbeddedMongoServer(MongoBackend backend, Path storeFile) {
        this.server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        this.address = server.getLocalAddress();
        this.storeFile = storeFile;
    }

    /** A server whose data lives in {@code directory/mongo.mv.db}, durable per acknowledged write. */
    public static EmbeddedMongoServer persistent(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded MongoDB data directory " + directory, e);
        }
        Path file = directory.resolve("mongo.mv.db").toAbsolutePath();
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        EmbeddedMongoServer server = new EmbeddedMongoServer(DurableH2Backend.open(store), file);
        log.info("Embedded MongoDB on {} persisting to {}", server.connectionString(), file);
        return server;
    }

    /** A server that keeps everything in memory: for tests. */
    public static EmbeddedMongoServer inMemory() {
        EmbeddedMongoServer server = new EmbeddedMongoServer(new MemoryBackend(), null);
        log.info("Embedded in-memory MongoDB on {}", server.connectionString());
        return server;
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path storeFile() {
        return storeFile;
    }

    @Override
    public void destroy() {
        log.info("Stopping embedded MongoDB on {}", connectionString());
        server.shutdown();
    }
}
