package cn.lishui.police.platform.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the embedded store: every reply of the embedded server is held until the store has committed
 * everything changed before the reply was written, and one commit covers all the replies waiting for it.
 *
 * <p>A command runs on a server thread and changes the store's maps in memory; its reply then reaches the
 * {@link #gate() gate} at the end of the channel's pipeline, which hands it to the committing thread instead of
 * the socket. That thread takes all replies waiting, commits the store once (MVStore writes every unsaved change
 * in one chunk, so the changes of all those commands, made before their replies were handed over, are in it),
 * and only then lets them go to their sockets. So an acknowledgement still leaves only once its change is in
 * the file (a {@code kill -9} loses nothing acknowledged), but a burst of N concurrent writes costs one commit,
 * not N, and no server thread waits for the disk: it goes on with the next command while the commit is written.
 * A reply to a read waits for the commit too, so no answer shows a change that a crash could still undo.
 *
 * <p>If a commit fails (MVStore then closes the store), the replies of its batch are dropped and their
 * connections closed: the clients see an error, never an acknowledgement of a write that is not in the file.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final MVStore store;
    private final Object lock = new Object();
    private final Thread committer;
    private final Gate gate = new Gate();
    private final LongAdder commits = new LongAdder();
    private final LongAdder replies = new LongAdder();
    private List<HeldReply> waiting = new ArrayList<>();
    private boolean closed;

    GroupCommit(MVStore store) {
        this.store = store;
        this.committer = new Thread(this::commitWhileOpen, "mongo-store-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /** The handler to add last to every channel's pipeline: it holds the replies back until committed. */
    ChannelHandler gate() {
        return gate;
    }

    /** How many commits were made for replies (for tests: fewer than replies when they were grouped). */
    long commits() {
        return commits.sum();
    }

    /** How many replies were let through after a commit. */
    long replies() {
        return replies.sum();
    }

    private void hold(HeldReply reply) {
        synchronized (lock) {
            if (closed) {
                reply.abandon(new IllegalStateException("the embedded store is closed"));
                return;
            }
            waiting.add(reply);
            if (waiting.size() == 1) {
                lock.notifyAll();
            }
        }
    }

    private void commitWhileOpen() {
        while (true) {
            List<HeldReply> batch;
            synchronized (lock) {
                while (waiting.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        closed = true;
                    }
                }
                if (waiting.isEmpty()) {
                    return;
                }
                batch = waiting;
                waiting = new ArrayList<>();
            }
            release(batch);
        }
    }

    private void release(List<HeldReply> batch) {
        try {
            store.commit();
        } catch (RuntimeException failed) {
            log.error("Committing the embedded store failed; {} replies are not sent and their connections closed",
                    batch.size(), failed);
            batch.forEach(reply -> reply.abandon(failed));
            return;
        }
        commits.increment();
        replies.add(batch.size());
        batch.forEach(HeldReply::send);
    }

    /** Stops the committing thread after the replies already waiting have been committed and sent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A reply on its way to the socket, held until the commit. */
    private record HeldReply(ChannelHandlerContext context, Object message, ChannelPromise promise) {

        void send() {
            context.writeAndFlush(message, promise);
        }

        void abandon(Throwable cause) {
            ReferenceCountUtil.release(message);
            promise.tryFailure(cause);
            context.channel().close();
        }
    }

    /** Shared by all channels; the flush of a held reply happens when it is sent. */
    @ChannelHandler.Sharable
    private final class Gate extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            hold(new HeldReply(context, message, promise));
        }

        @Override
        public void flush(ChannelHandlerContext context) {
            // nothing to flush yet: the reply is written and flushed once committed
        }
    }
}
