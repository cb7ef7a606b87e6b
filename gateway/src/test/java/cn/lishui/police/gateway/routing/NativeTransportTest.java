package cn.lishui.police.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import org.junit.jupiter.api.Test;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;

/**
 * The gateway's server and its calls to the services run on io_uring where the kernel allows it (the default
 * loops of Reactor Netty, which Boot's server and Spring Cloud Gateway's client share). If the transport went
 * missing, or Reactor Netty stopped taking it, forwarding would fall back to epoll without a word and cost ~20 %
 * more CPU per request.
 */
class NativeTransportTest {

    @Test
    void serverAndForwardedCallsUseIoUringWhereTheKernelAllowsIt() {
        assumeTrue(IoUring.isAvailable(), () -> "io_uring is not available here: " + IoUring.unavailabilityCause());
        LoopResources loops = HttpResources.get();
        EventLoopGroup server = loops.onServer(true);
        EventLoopGroup client = loops.onClient(true);

        assertThat(loops.onChannelClass(ServerSocketChannel.class, server)).isEqualTo(IoUringServerSocketChannel.class);
        assertThat(loops.onChannelClass(SocketChannel.class, client)).isEqualTo(IoUringSocketChannel.class);
    }
}
