package cn.lishui.police.gateway.routing;

import java.util.Locale;
import java.util.concurrent.TimeoutException;

import cn.lishui.police.platform.error.ProblemFactory;
import cn.lishui.police.platform.reactive.ReactiveProblemExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Where every route's circuit breaker forwards when its service cannot answer: down, breaker open,
 * bulkhead full (503 SERVICE_UNAVAILABLE) or too slow (504 GATEWAY_TIMEOUT), as the same problem body
 * every other error of the suite has.
 */
@RestController
class ServiceUnavailableFallback {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFallback.class);

    private final ProblemFactory problems;
    private final ReactiveProblemExceptionHandler problemWriter;

    ServiceUnavailableFallback(ProblemFactory problems, ReactiveProblemExceptionHandler problemWriter) {
        this.problems = problems;
        this.problemWriter = problemWriter;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
        if (exchange.getAttribute(GATEWAY_ROUTE_ATTR) == null) {
            // asked for directly rather than forwarded by a route's breaker
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String path = exchange.getAttributeOrDefault(RequestedPath.ATTRIBUTE, exchange.getRequest().getPath().value());
        HttpStatus status = isTimeout(cause) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        log.warn("{} could not answer {} {}: {} -> {}", service, exchange.getRequest().getMethod(), path,
                cause == null ? "unknown" : cause.toString(), status.value());
        Locale locale = exchange.getLocaleContext().getLocale();
        ProblemDetail problem = problems.forStatus(status, locale != null ? locale : Locale.SIMPLIFIED_CHINESE, path);
        return problemWriter.write(exchange.getResponse(), problem, new HttpHeaders());
    }

    private static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException
                || cause instanceof ResponseStatusException status && status.getStatusCode().value() == 504;
    }
}
