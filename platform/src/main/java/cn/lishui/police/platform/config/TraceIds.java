package cn.lishui.police.platform.config;

import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;

/** The trace id of the current request, as Micrometer Tracing propagates it (gateway → service → Feign). */
public final class TraceIds implements Supplier<String> {

    private final ObjectProvider<Tracer> tracer;

    public TraceIds(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public String get() {
        Tracer current = tracer.getIfAvailable();
        if (current != null) {
            Span span = current.currentSpan();
            if (span != null && !span.context().traceId().isBlank()) {
                return span.context().traceId();
            }
        }
        String fromLogs = MDC.get("traceId");
        return fromLogs == null || fromLogs.isBlank() ? null : fromLogs;
    }
}
