package cn.lishui.police.overseas.client;

import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a call as overseas-service itself (the platform's token relay then sends the service's
 * client-credentials token, role SERVICE) rather than as the user of the request.
 * Hand-offs use it for every attempt: the provider scopes Idempotency-Keys to the caller, so the first
 * attempt (in the user's request) and the scheduler's redeliveries must be the same caller for the key to
 * make the hand-off happen exactly once.
 */
public final class ServiceIdentity {

    private ServiceIdentity() {
    }

    public static <T> T call(Supplier<T> call) {
        SecurityContext user = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(user);
        }
    }
}
