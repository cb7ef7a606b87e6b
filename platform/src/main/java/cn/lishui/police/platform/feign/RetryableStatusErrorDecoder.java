package cn.lishui.police.platform.feign;

import java.util.Set;

import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;

/**
 * Marks the answers that say "try again" (502, 503, 504 and 429) as retryable; the retryer then
 * decides whether this call may be repeated. Every other error goes to Feign's default decoding.
 */
public final class RetryableStatusErrorDecoder implements ErrorDecoder {

    private static final Set<Integer> TRANSIENT = Set.of(429, 502, 503, 504);

    private final ErrorDecoder delegate = new ErrorDecoder.Default();

    @Override
    public Exception decode(String methodKey, Response response) {
        Exception decoded = delegate.decode(methodKey, response);
        if (TRANSIENT.contains(response.status()) && !(decoded instanceof RetryableException)) {
            return new RetryableException(response.status(), decoded.getMessage(),
                    response.request().httpMethod(), decoded, (Long) null, response.request());
        }
        return decoded;
    }
}
