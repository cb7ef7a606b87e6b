package cn.lishui.police.gateway.routing;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import cn.lishui.police.gateway.problem.GatewayProblems;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * One service's circuit breaker and bulkhead around the call to it, as a route filter
 * ({@code ServiceCircuitBreaker=<name>}, see {@link ServiceCircuitBreakerGatewayFilterFactory}). It uses
 * Resilience4j's {@link CircuitBreaker} and {@link Bulkhead} of that name directly (configured by
 * {@code resilience4j.circuitbreaker.*} and {@code resilience4j.bulkhead.*}, exported as {@code resilience4j_*}
 * metrics): a permission of each is taken when the call starts, and the outcome is recorded when it ends.
 *
 * <ul>
 * <li>Breaker open, or the bulkhead's concurrent calls all taken: no call, 503 {@code SERVICE_UNAVAILABLE}.</li>
 * <li>The call fails (connection refused or reset, no answer within the HTTP client's {@code response-timeout}):
 *     a failure for the breaker, 503 {@code SERVICE_UNAVAILABLE} or, for the timeout, 504 {@code GATEWAY_TIMEOUT}.
 *     An answer of the service, whatever its status, is a success: its own 5xx problem reaches the caller as it
 *     was written.</li>
 * <li>A request that failed because of the caller (a 4xx raised below, e.g. a body over the size limit) or that
 *     the caller abandoned counts neither way: the permission is given back.</li>
 * </ul>
 *
 * <p>Why not Spring Cloud Gateway's {@code CircuitBreaker} filter: it wraps every call in reactive operators of
 * Spring Cloud CircuitBreaker (per call: the breaker and the bulkhead looked up by name with a map of tags, a
 * tuple, an optional time limiter, the breaker, bulkhead and fallback operators), makes Spring Cloud Gateway read
 * every request body into memory before the call (so that the fallback could see it), and answers a failure by
 * forwarding the exchange to a fallback controller through the dispatcher. Here the breaker and the bulkhead are
 * resolved once per route and the call gets one small operator of its own.
 */
final class ServiceCircuitBreaker implements GatewayFilter, Ordered {

    /** After the rate limiter and the cache of public reads (order 1): a refused or cached request is no call. */
    static final int ORDER = 10;

    private static final Logger log = LoggerFactory.getLogger(ServiceCircuitBreaker.class);

    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final GatewayProblems problems;

    ServiceCircuitBreaker(CircuitBreaker breaker, Bulkhead bulkhead, GatewayProblems problems) {
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return new GuardedCall(chain.filter(exchange), this)
                .onErrorResume(error -> !isCallersFault(error), error -> unavailable(exchange, error));
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, Throwable cause) {
        HttpStatus status = isTimeout(cause) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        // the problem's traceId, also in this line: a reactive thread's MDC knows no span (logging.pattern.correlation)
        log.warn("{} could not answer {} {}: {} -> {} (traceId {})", breaker.getName(),
                exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), cause, status.value(),
                GatewayProblems.traceIdOf(exchange).orElse("-"));
        exchange.getResponse().setStatusCode(null);
        return problems.write(exchange, status, status == HttpStatus.GATEWAY_TIMEOUT ? "GATEWAY_TIMEOUT"
                : "SERVICE_UNAVAILABLE");
    }

    static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException
                || cause instanceof ResponseStatusException status && status.getStatusCode().value() == 504;
    }

    /** An error the caller caused (a body over the limit, ...): not the service's failure. */
    static boolean isCallersFault(Throwable error) {
        return error instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError();
    }

    /**
     * The call to the service, subscribed once the breaker and the bulkhead have let it through; records how it
     * ended. One object per call besides the source: it is the subscriber of the call and the subscription its
     * caller sees.
     */
    private static final class GuardedCall extends Mono<Void> {

        private final Mono<Void> call;
        private final ServiceCircuitBreaker guard;

        GuardedCall(Mono<Void> call, ServiceCircuitBreaker guard) {
            this.call = call;
            this.guard = guard;
        }

        @Override
        public void subscribe(CoreSubscriber<? super Void> actual) {
            CircuitBreaker breaker = guard.breaker;
            if (!breaker.tryAcquirePermission()) {
                Operators.error(actual, CallNotPermittedException.createCallNotPermittedException(breaker));
                return;
            }
            if (!guard.bulkhead.tryAcquirePermission()) {
                breaker.releasePermission();
                Operators.error(actual, BulkheadFullException.createBulkheadFullException(guard.bulkhead));
                return;
            }
            call.subscribe(new Outcome(actual, breaker, guard.bulkhead));
        }
    }

    private static final class Outcome implements CoreSubscriber<Void>, Subscription {

        private static final AtomicIntegerFieldUpdater<Outcome> ENDED =
                AtomicIntegerFieldUpdater.newUpdater(Outcome.class, "ended");

        private final CoreSubscriber<? super Void> actual;
        private final CircuitBreaker breaker;
        private final Bulkhead bulkhead;
        private final long started;
        private Subscription upstream;
        private volatile int ended;

        Outcome(CoreSubscriber<? super Void> actual, CircuitBreaker breaker, Bulkhead bulkhead) {
            this.actual = actual;
            this.breaker = breaker;
            this.bulkhead = bulkhead;
            this.started = breaker.getCurrentTimestamp();
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            if (Operators.validate(upstream, subscription)) {
                upstream = subscription;
                actual.onSubscribe(this);
            }
        }

        @Override
        public void onNext(Void nothing) {
            actual.onNext(nothing);
        }

        @Override
        public void onError(Throwable error) {
            if (end()) {
                if (isCallersFault(error)) {
                    breaker.releasePermission();
                } else {
                    breaker.onError(elapsed(), breaker.getTimestampUnit(), error);
                }
            }
            actual.onError(error);
        }

        @Override
        public void onComplete() {
            if (end()) {
                breaker.onSuccess(elapsed(), breaker.getTimestampUnit());
            }
            actual.onComplete();
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            if (end()) {
                breaker.releasePermission();
            }
            upstream.cancel();
        }

        /** True for the first of completion, error and cancellation: the bulkhead's place is given back once. */
        private boolean end() {
            if (ENDED.compareAndSet(this, 0, 1)) {
                bulkhead.onComplete();
                return true;
            }
            return false;
        }

        private long elapsed() {
            return breaker.getCurrentTimestamp() - started;
        }
    }

    @Override
    public String toString() {
        return "ServiceCircuitBreaker[" + breaker.getName() + "]";
    }
}
