package cn.lishui.police.overseas.client;

import feign.FeignException;

/** The HTTP status a provider answered with, looked up through the circuit breaker's wrapping. */
public final class Failures {

    private Failures() {
    }

    /** The provider's status, or -1 when there was no answer (connection refused, timeout, open breaker). */
    public static int status(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FeignException feign) {
                return feign.status();
            }
        }
        return -1;
    }
}
