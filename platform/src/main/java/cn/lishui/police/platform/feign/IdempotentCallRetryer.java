package cn.lishui.police.platform.feign;

import java.util.Collection;
import java.util.Set;

import feign.Request;
import feign.RetryableException;
import feign.Retryer;

/**
 * Retries a Feign call only when doing it twice cannot do harm: an idempotent method, or a call that
 * carries an {@code Idempotency-Key}. A POST without a key fails at once and goes to its fallback,
 * which keeps the write for redelivery. An open circuit ({@code CallNotPermittedException}) is thrown
 * by the breaker around Feign, so it never reaches a retryer.
 */
public final class IdempotentCallRetryer implements Retryer {

    private static final Set<Request.HttpMethod> IDEMPOTENT = Set.of(Request.HttpMethod.GET,
            Request.HttpMethod.HEAD, Request.HttpMethod.PUT, Request.HttpMethod.DELETE, Request.HttpMethod.OPTIONS);

    private final long period;
    private final long maxPeriod;
    private final int maxAttempts;
    private final Retryer delegate;

    public IdempotentCallRetryer(long period, long maxPeriod, int maxAttempts) {
        this.period = period;
        this.maxPeriod = maxPeriod;
        this.maxAttempts = maxAttempts;
        this.delegate = new Retryer.Default(period, maxPeriod, maxAttempts);
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        if (!mayRetry(e.request())) {
            throw e;
        }
        delegate.continueOrPropagate(e);
    }

    static boolean mayRetry(Request request) {
        if (request == null) {
            return false;
        }
        if (IDEMPOTENT.contains(request.httpMethod())) {
            return true;
        }
        Collection<String> key = request.headers().get("Idempotency-Key");
        return key != null && !key.isEmpty();
    }

    @Override
    public Retryer clone() {
        return new IdempotentCallRetryer(period, maxPeriod, maxAttempts);
    }
}
