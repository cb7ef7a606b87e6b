package cn.lishui.police.gateway.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.cloud.gateway.filter.headers.observation.ObservedRequestHttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.util.context.ContextView;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REACTOR_CONTEXT_ATTR;

/**
 * The gateway's call to a service carries the W3C trace context ({@code traceparent}, baggage) of the request's
 * own server span, so the service's spans join the caller's trace with the gateway's span as their parent. In
 * place of Spring Cloud Gateway's {@link ObservedRequestHttpHeadersFilter}, which started a second observation
 * per request for the call (a client span and an {@code http.client.requests} timer, with a copy of every
 * header): nothing reads that timer (each route is timed as {@code spring_cloud_gateway_requests_seconds}), and
 * on a near-trivial request it was one of the larger costs of the gateway (docs/benchmarks.md). Without a
 * recording span (tracing off) the request's headers are forwarded as they are, a caller's
 * {@code traceparent} included.
 */
class TraceContextRelay extends ObservedRequestHttpHeadersFilter {

    private final Propagator propagator;

    TraceContextRelay(ObservationRegistry registry, Propagator propagator) {
        super(registry);
        this.propagator = propagator;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Span span = serverSpan(exchange);
        if (span == null) {
            return input;
        }
        HttpHeaders headers = HttpHeaders.copyOf(input); // the request's own headers are read-only
        propagator.inject(span.context(), headers, HttpHeaders::set);
        return headers;
    }

    /** The span of the request's {@code http.server.requests} observation, kept by the route's handler mapping. */
    private static Span serverSpan(ServerWebExchange exchange) {
        ContextView context = exchange.getAttribute(GATEWAY_REACTOR_CONTEXT_ATTR);
        if (context == null) {
            return null;
        }
        Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (observation == null || observation.isNoop()) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing =
                observation.getContextView().get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }
}
