package cn.lishui.police.identity.user;

import java.util.List;

import cn.lishui.police.platform.error.FieldViolation;
import cn.lishui.police.platform.error.ProblemFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused password is a 400 problem {@code WEAK_PASSWORD} whose {@code errors[]} name each broken rule. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WeakPasswordAdvice {

    private final ProblemFactory problems;

    WeakPasswordAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(WeakPasswordException.class)
    ResponseEntity<ProblemDetail> weak(WeakPasswordException ex, HttpServletRequest request) {
        var locale = LocaleContextHolder.getLocale();
        Object[] args = {PasswordPolicy.MIN_LENGTH, PasswordPolicy.MIN_CLASSES};
        List<FieldViolation> errors = ex.violations().stream()
                .map(key -> new FieldViolation("password", problems.message(key, args, locale, () -> key)))
                .toList();
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "WEAK_PASSWORD", locale,
                request.getRequestURI(), errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
