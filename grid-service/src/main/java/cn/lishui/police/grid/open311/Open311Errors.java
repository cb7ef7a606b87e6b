package cn.lishui.police.grid.open311;

import java.util.List;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.error.ProblemFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the Open311 endpoints in GeoReport v2's shape, {@code [{"code": 400, "description": "..."}]},
 * with the statuses the spec uses: 400, 403 and 404 (a domain 409/422 is a 400 here). The description is
 * the same localized text the problem bodies carry.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    record Error(int code, String description) {
    }

    private final ProblemFactory problems;

    Open311Errors(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<List<Error>> domain(DomainException ex) {
        HttpStatus status = switch (ex.status().value()) {
            case 403, 404 -> ex.status();
            default -> HttpStatus.BAD_REQUEST;
        };
        String description = problems.message("problem." + ex.code() + ".detail", ex.args(),
                LocaleContextHolder.getLocale(), ex::code);
        return respond(status, description);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<List<Error>> missing(MissingServletRequestParameterException ex) {
        return domain(Open311Exception.bad("OPEN311_PARAMETER_REQUIRED", ex.getParameterName()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<List<Error>> mismatch(MethodArgumentTypeMismatchException ex) {
        return domain(Open311Exception.bad("OPEN311_PARAMETER_INVALID", ex.getName()));
    }

    private static ResponseEntity<List<Error>> respond(HttpStatus status, String description) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(List.of(new Error(status.value(), description)));
    }
}
