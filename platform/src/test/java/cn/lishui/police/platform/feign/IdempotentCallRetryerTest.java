package cn.lishui.police.platform.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import feign.Request;
import feign.RetryableException;
import org.junit.jupiter.api.Test;

class IdempotentCallRetryerTest {

    @Test
    void getIsRetried() {
        IdempotentCallRetryer retryer = new IdempotentCallRetryer(1, 1, 3);
        retryer.continueOrPropagate(failure(Request.HttpMethod.GET, Map.of()));
    }

    @Test
    void postWithoutAKeyIsNeverRetried() {
        IdempotentCallRetryer retryer = new IdempotentCallRetryer(1, 1, 3);
        assertThatThrownBy(() -> retryer.continueOrPropagate(failure(Request.HttpMethod.POST, Map.of())))
                .isInstanceOf(RetryableException.class);
    }

    @Test
    void postWithAnIdempotencyKeyIsRetriedUntilTheAttemptsRunOut() {
        IdempotentCallRetryer retryer = new IdempotentCallRetryer(1, 1, 3);
        RetryableException keyed = failure(Request.HttpMethod.POST, Map.of("Idempotency-Key", List.of("k-1")));
        retryer.continueOrPropagate(keyed);
        retryer.continueOrPropagate(keyed);
        assertThatThrownBy(() -> retryer.continueOrPropagate(keyed)).isSameAs(keyed);
    }

    @Test
    void eachCallGetsItsOwnAttemptCount() {
        IdempotentCallRetryer retryer = new IdempotentCallRetryer(1, 1, 2);
        retryer.continueOrPropagate(failure(Request.HttpMethod.GET, Map.of()));
        assertThat(retryer.clone()).isNotSameAs(retryer);
        retryer.clone().continueOrPropagate(failure(Request.HttpMethod.GET, Map.of()));
    }

    private static RetryableException failure(Request.HttpMethod method, Map<String, List<String>> headers) {
        Request request = Request.create(method, "http://127.0.0.1/api/x", new HashMap<String, Collection<String>>(headers), new byte[0],
                StandardCharsets.UTF_8, null);
        return new RetryableException(503, "unavailable", method, (Long) null, request);
    }
}
