package cn.lishui.police.platform.reactive;

import java.util.List;
import java.util.Locale;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.error.ProblemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reactive twin of the servlet problem handler, for the gateway: every error the gateway itself
 * produces (unknown route, 405, 413, a service that is down, a timeout) leaves as problem+json, with
 * the same codes and messages as the services'.
 */
public class ReactiveProblemExceptionHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ReactiveProblemExceptionHandler.class);

    private final ProblemFactory problems;
    private final JsonMapper json;

    public ReactiveProblemExceptionHandler(ProblemFactory problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return -2; // ahead of Boot's DefaultErrorWebExceptionHandler (-1)
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        Locale locale = exchange.getLocaleContext().getLocale();
        if (locale == null) {
            locale = Locale.SIMPLIFIED_CHINESE;
        }
        String path = exchange.getRequest().getPath().value();
        HttpHeaders extraHeaders = new HttpHeaders();
        ProblemDetail problem;
        if (ex instanceof DomainException domain) {
            problem = problems.create(domain.status(), domain.code(), locale, path, List.of(), domain.args());
            domain.properties().forEach(problem::setProperty);
        } else if (ex instanceof ErrorResponse error) {
            HttpStatusCode status = error.getStatusCode();
            extraHeaders.putAll(error.getHeaders());
            problem = problems.forStatus(status, locale, path);
        } else {
            log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), path, ex);
            problem = problems.forStatus(HttpStatus.INTERNAL_SERVER_ERROR, locale, path);
        }
        return write(response, problem, extraHeaders);
    }

    public Mono<Void> write(ServerHttpResponse response, ProblemDetail problem, HttpHeaders extraHeaders) {
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().putAll(extraHeaders);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(buffer));
    }
}
