package cn.lishui.police.gateway.routing;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sends a service's answer to the caller in one write (status line, headers and body: one system call, one TCP
 * segment for the usual answer) when the service said how long it is and it is small.
 *
 * <p>Spring Cloud Gateway's {@code NettyWriteResponseFilter} hands the body on as the stream it reads from the
 * service; Reactor Netty then sends the headers in one write and the body in another, so every forwarded answer
 * cost the gateway an extra write and the caller an extra wake-up and read (two TCP segments per answer where nginx
 * sends one; measured with {@code ss -ti}, docs/benchmarks.md session 9). Given the body as one buffer, Reactor
 * Netty sends headers and body together. So the body of an answer with a {@code Content-Length} of at most
 * {@link #MAX_JOINED_BYTES} is gathered first (the pieces are joined without copying: a composite buffer), and
 * written once. Anything else is streamed as before: answers without a length (chunked, server-sent events) and
 * large ones, so that the memory a request holds stays bounded and a long answer starts to flow at once.
 *
 * <p>The decorator is put on before any other filter's (the response cache's {@code Capture} among them), so it is
 * the last one a body passes on its way out, right in front of the connection.
 */
@Component
class WholeResponseWrite implements GlobalFilter, Ordered {

    /** Answers up to this size are written whole: a page of JSON; the service catalogue's global list is ~60 KB. */
    static final int MAX_JOINED_BYTES = 256 * 1024;

    @Override
    public int getOrder() {
        // before the response cache's CaptureInstaller (WRITE_RESPONSE_FILTER_ORDER - 1), whose decorator wraps this
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange.mutate().response(new Joining(exchange.getResponse())).build());
    }

    private static final class Joining extends ServerHttpResponseDecorator {

        Joining(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            long length = getHeaders().getContentLength();
            if (body instanceof Mono || length <= 0 || length > MAX_JOINED_BYTES) {
                return super.writeWith(body);
            }
            // a service that sends more than it announced gets DataBufferLimitException: a failed answer, not a
            // gateway holding an unbounded body
            return super.writeWith(DataBufferUtils.join(body, MAX_JOINED_BYTES));
        }
    }
}
