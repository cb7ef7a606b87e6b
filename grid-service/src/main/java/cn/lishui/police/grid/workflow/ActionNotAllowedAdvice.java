package cn.lishui.police.grid.workflow;

import java.util.List;

import cn.lishui.police.platform.error.ProblemFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The platform's problem body for {@link ActionNotAllowed}, plus the state and the allowed actions. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ActionNotAllowedAdvice {

    private final ProblemFactory problems;

    ActionNotAllowedAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ActionNotAllowed.class)
    ResponseEntity<ProblemDetail> notAllowed(ActionNotAllowed ex, HttpServletRequest request) {
        ProblemDetail problem = problems.create(ex.status(), ex.code(), LocaleContextHolder.getLocale(),
                request.getRequestURI(), List.of(), ex.args());
        problem.setProperty("state", ex.state());
        problem.setProperty("allowedActions", ex.allowedActions());
        return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
