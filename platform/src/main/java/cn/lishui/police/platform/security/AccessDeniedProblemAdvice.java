package cn.lishui.police.platform.security;

import java.util.List;

import cn.lishui.police.platform.error.ProblemFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A method-security refusal ({@code @PreAuthorize}) raised inside a controller is a 403 problem, not
 * the catch-all 500 of the platform's handler, which runs after this one.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessDeniedProblemAdvice {

    private final ProblemFactory problems;

    public AccessDeniedProblemAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(Exception ex, HttpServletRequest request) {
        ProblemDetail problem = problems.create(HttpStatus.FORBIDDEN, "FORBIDDEN", LocaleContextHolder.getLocale(),
                request.getRequestURI(), List.of());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"").body(problem);
    }
}
