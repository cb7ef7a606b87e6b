package cn.lishui.police.platform.delivery;

import java.util.Set;

import feign.FeignException;
import feign.RetryableException;

/** Tells a failure that will pass (try again later) from a refusal that will not (stop and show it). */
public final class DeliveryFailures {

    /** Client errors that say "not now" rather than "never". */
    private static final Set<Integer> TRANSIENT_CLIENT_ERRORS = Set.of(401, 408, 409, 425, 429);

    private DeliveryFailures() {
    }

    /**
     * A 4xx from the receiver other than 401 (an expired token), 408, 409 (in flight), 425 and 429 is
     * permanent; connection failures, timeouts, 5xx and an open circuit breaker are transient.
     */
    public static boolean permanent(Throwable failure) {
        FeignException feign = find(failure, FeignException.class);
        if (feign == null || feign instanceof RetryableException) {
            return false;
        }
        int status = feign.status();
        return status >= 400 && status < 500 && !TRANSIENT_CLIENT_ERRORS.contains(status);
    }

    /** A short text for logs and the owner's document: the HTTP status or the failure's type, no bodies. */
    public static String describe(Throwable failure) {
        FeignException feign = find(failure, FeignException.class);
        if (feign != null && feign.status() > 0) {
            return "HTTP " + feign.status();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
