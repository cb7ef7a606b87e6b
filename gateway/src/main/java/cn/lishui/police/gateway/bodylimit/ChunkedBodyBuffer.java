package cn.lishui.police.gateway.bodylimit;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A request body of undeclared length ({@code Transfer-Encoding: chunked}) is read whole, within
 * {@code fengqiao.gateway.max-request-size} ({@link RequestBodyLimit} counts it as it is read), before anything of
 * the request is sent to a service: a body that turns out too large is answered 413 and none of it reaches the
 * service. A body with a {@code Content-Length} (at most the limit, or it was refused before) is streamed to the
 * service as it arrives, and a request without either has no body. The copy is released by Spring Cloud Gateway's
 * {@code RemoveCachedBodyFilter} when the exchange ends.
 */
@Component
class ChunkedBodyBuffer implements GlobalFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1000; // where Spring Cloud Gateway's own body caching runs
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)
                || exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR) != null) {
            return chain.filter(exchange);
        }
        return ServerWebExchangeUtils.cacheRequestBody(exchange,
                buffered -> chain.filter(exchange.mutate().request(buffered).build()));
    }
}
