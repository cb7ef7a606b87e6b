package cn.lishui.police.gateway.bodylimit;

import java.util.concurrent.atomic.AtomicLong;

import cn.lishui.police.gateway.problem.GatewayProblems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Request bodies larger than {@code fengqiao.gateway.max-request-size} never reach a service. A
 * declared {@code Content-Length} over the limit is answered 413 at once, before authentication and
 * before a byte of the body is read. A body of undeclared length (chunked) is counted as it is read, and
 * the read fails with 413 the moment it passes the limit. Such a body is read whole before the call to the
 * service ({@link ChunkedBodyBuffer}): this limit is also what bounds that buffer, and an oversized body is refused
 * before anything of it is sent on.
 */
@Component
@EnableConfigurationProperties(RequestSizeProperties.class)
class RequestBodyLimit implements WebFilter, Ordered {

    private final long maxBytes;
    private final GatewayProblems problems;

    RequestBodyLimit(RequestSizeProperties properties, GatewayProblems problems) {
        this.maxBytes = properties.maxRequestSize().toBytes();
        this.problems = problems;
    }

    /** WebFlux labels every filter of every request with this (a checkpoint): a constant, not Object's hash. */
    @Override
    public String toString() {
        return "RequestBodyLimit";
    }

    @Override
    public int getOrder() {
        return -150; // after CORS (-200), before Spring Security (-100)
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, HttpStatus.valueOf(413), "PAYLOAD_TOO_LARGE");
        }
        if (declared >= 0 || !exchange.getRequest().getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            // the server reads no more than the declared length; without a length or a transfer coding an HTTP/1.1
            // request has no body (RFC 9112 §6.3; the gateway serves no HTTP/2)
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountedBody(exchange.getRequest(), maxBytes)).build());
    }

    /** Thrown into the body stream once it passes the limit; the problem handler answers it 413. */
    static final class BodyTooLargeException extends ResponseStatusException {

        BodyTooLargeException() {
            super(HttpStatus.valueOf(413));
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static final class CountedBody extends ServerHttpRequestDecorator {

        private final long maxBytes;

        CountedBody(ServerHttpRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new BodyTooLargeException());
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
