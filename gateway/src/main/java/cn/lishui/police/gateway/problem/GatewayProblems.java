package cn.lishui.police.gateway.problem;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.lishui.police.platform.error.ProblemFactory;
import cn.lishui.police.platform.reactive.ReactiveProblemExceptionHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The problem bodies the gateway answers by itself (401, 403, 413, 429, a refused CORS origin), in the
 * caller's language and with the suite's codes, through the platform's reactive problem writer.
 */
@Component
public class GatewayProblems {

    private final ProblemFactory problems;
    private final ReactiveProblemExceptionHandler writer;

    GatewayProblems(ProblemFactory problems, ReactiveProblemExceptionHandler writer) {
        this.problems = problems;
        this.writer = writer;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code) {
        return write(exchange, status, code, new HttpHeaders());
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, HttpHeaders headers) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        Locale locale = exchange.getLocaleContext().getLocale();
        ProblemDetail problem = problems.create(status, code, locale != null ? locale : Locale.SIMPLIFIED_CHINESE,
                exchange.getRequest().getPath().value(), List.of());
        if (problem.getProperties() == null || problem.getProperties().get("traceId") == null) {
            // answered before any handler ran (401, 429, ...): the thread knows no span, the exchange does
            traceIdOf(exchange).ifPresent(traceId -> problem.setProperty("traceId", traceId));
        }
        return writer.write(exchange.getResponse(), problem, headers);
    }

    /** The trace id of the request's server observation, which the tracing handler keeps in its context. */
    public static Optional<String> traceIdOf(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> (TracingObservationHandler.TracingContext)
                        context.get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId())
                .filter(traceId -> !traceId.isBlank());
    }
}
