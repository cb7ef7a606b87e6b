package cn.lishui.police.platform.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * mongo-java-server running in this JVM on a loopback port, spoken to over the wire by the real
 * MongoDB driver, so the application code cannot tell it from a {@code mongod}. Stops with the
 * application context.
 *
 * <p>The server is mongo-java-server's own pipeline ({@code MongoServer}'s), set up here so that on file one
 * more handler can end it: {@link GroupCommit}'s gate, which sends a reply only once the store has committed
 * what was changed before it.
 */
public final class EmbeddedMongoServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final WriteCountingBackend backend;
    private final GroupCommit commits;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final ChannelGroup clients;
    private final Channel listener;
    private final InetSocketAddress address;
    private final Path storeFile;
    /** The file store, an {@code MVStore}: typed Object so that this class loads where H2 is absent (in memory). */
    private final Object store;

    private EmbeddedMongoServer(MongoBackend backend, GroupCommit commits, Path storeFile, Object store) {
        WriteCountingBackend counting = new WriteCountingBackend(backend);
        this.backend = counting;
        this.commits = commits;
        this.storeFile = storeFile;
        this.store = store;
        this.acceptor = new MultiThreadIoEventLoopGroup(1, new MongoThreadFactory("mongo-server-boss"),
                NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(0, new MongoThreadFactory("mongo-server-worker"),
                NioIoHandler.newFactory());
        this.clients = new DefaultChannelGroup("mongodb-channels", workers.next());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 100)
                .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new MongoWireReplyEncoder(), new MongoWireMessageEncoder(),
                                new MongoWireProtocolHandler(), new MongoDatabaseHandler(counting, clients),
                                new MongoExceptionHandler());
                        if (commits != null) {
                            channel.pipeline().addLast(commits.gate());
                        }
                    }
                });
        try {
            this.listener = bootstrap.bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            stopThreads();
            throw e;
        }
        this.address = (InetSocketAddress) listener.localAddress();
    }

    /** A server whose data lives in {@code directory/mongo.mv.db}, durable per acknowledged write. */
    public static EmbeddedMongoServer persistent(Path directory) {
        return persistent(directory, EmbeddedMongoProperties.DEFAULT_CACHE_MB);
    }

    /** As {@link #persistent(Path)}, with a page cache of {@code cacheMegabytes} (decoded pages on the heap). */
    public static EmbeddedMongoServer persistent(Path directory, int cacheMegabytes) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded MongoDB data directory " + directory, e);
        }
        Path file = directory.resolve("mongo.mv.db").toAbsolutePath();
        MVStore store = DurableH2Backend.storeBuilder(file, cacheMegabytes).open();
        BoundedPageCache.install(store);
        EmbeddedMongoServer server = new EmbeddedMongoServer(DurableH2Backend.open(store), new GroupCommit(store), file,
                store);
        log.info("Embedded MongoDB on {} persisting to {} (page cache {} MB)", server.connectionString(), file,
                cacheMegabytes);
        return server;
    }

    /** A server that keeps everything in memory: for tests. */
    public static EmbeddedMongoServer inMemory() {
        EmbeddedMongoServer server = new EmbeddedMongoServer(new MemoryBackend(), null, null, null);
        log.info("Embedded in-memory MongoDB on {}", server.connectionString());
        return server;
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path storeFile() {
        return storeFile;
    }

    /** The file store, an {@code MVStore} (for tests); null in memory. */
    Object store() {
        return store;
    }

    /**
     * The write commands this server has carried out on these collections of the database since it started
     * (inserts, updates, deletes, drops; from any client): the same number later means nothing was written to them
     * in between. See {@code StoreChanges}.
     */
    public long writes(String database, Collection<String> collections) {
        return backend.writes(database, collections);
    }

    /** The file store's page cache: megabytes it may hold, and holds now (by MVStore's count); zeros in memory. */
    public int[] pageCacheMegabytes() {
        return store == null ? new int[] {0, 0} : BoundedPageCache.megabytes(store);
    }

    /** Commits made for replies so far, and the replies they let through (on file; zeros in memory). */
    long[] commitsAndReplies() {
        return commits == null ? new long[] {0, 0} : new long[] {commits.commits(), commits.replies()};
    }

    @Override
    public void destroy() {
        log.info("Stopping embedded MongoDB on {}", connectionString());
        listener.close().syncUninterruptibly();
        clients.close().syncUninterruptibly();
        stopThreads();
        if (commits != null) {
            commits.close();
        }
        backend.close();
    }

    private void stopThreads() {
        acceptor.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
