package cn.lishui.police.platform.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every exception a servlet service raises into an RFC 9457 problem body: domain rules,
 * validation, malformed JSON, wrong types, unknown enum values, Spring MVC's own errors (404, 405,
 * 415, ...), optimistic-locking conflicts. Unexpected exceptions are logged with the trace id and
 * answered with a generic 500 that carries no stack trace and no internal message. A client that closed its
 * connection while its answer was written is not an error of the service: logged at debug, nothing answered.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemFactory problems;

    public ProblemExceptionHandler(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> handleDomain(DomainException ex, HttpServletRequest request) {
        Locale locale = locale();
        List<FieldViolation> errors = ex.fieldErrors().stream()
                .map(error -> new FieldViolation(error.field(),
                        problems.message(error.messageKey(), error.args(), locale, error::messageKey)))
                .toList();
        ProblemDetail problem = problems.create(ex.status(), ex.code(), locale, request.getRequestURI(), errors,
                ex.args());
        ex.properties().forEach(problem::setProperty);
        return respond(ex.status(), new HttpHeaders(), problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleStaleUpdate(OptimisticLockingFailureException ex, HttpServletRequest request) {
        return respond(HttpStatus.CONFLICT, new HttpHeaders(),
                problems.create(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", locale(), request.getRequestURI(), List.of()));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> handleDuplicate(DuplicateKeyException ex, HttpServletRequest request) {
        return respond(HttpStatus.CONFLICT, new HttpHeaders(),
                problems.create(HttpStatus.CONFLICT, "DUPLICATE", locale(), request.getRequestURI(), List.of()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
        List<FieldViolation> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(HttpStatus.BAD_REQUEST, new HttpHeaders(),
                problems.create(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale(), request.getRequestURI(), errors));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
        if (clientWentAway(ex)) {
            return nothingToAnswer(request.getRequestURI(), ex);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, new HttpHeaders(),
                problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", locale(), request.getRequestURI(), List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
        if (clientWentAway(ex)) {
            return nothingToAnswer(path, ex);
        }
        ProblemDetail problem = toProblem(ex, status, path);
        if (status.is5xxServerError()) {
            log.error("Server error on {}", path, ex);
        }
        return respond(status, headers, problem);
    }

    /**
     * Whether writing the answer failed because the client had closed the connection (gave up waiting, a
     * load generator stopping, the gateway's timeout): the servlet container's {@code ClientAbortException}
     * or Spring's {@link AsyncRequestNotUsableException}, raised only by this response's own output stream,
     * somewhere in the cause chain (Jackson wraps it into {@code HttpMessageNotWritableException}, a 500). A
     * "broken pipe" or "connection reset" of an outgoing call (Feign, the store) is not this: it still gets
     * the 500 and the error log.
     */
    static boolean clientWentAway(Throwable ex) {
        Throwable cause = ex;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (cause instanceof AsyncRequestNotUsableException
                    || "ClientAbortException".equals(cause.getClass().getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    /** Nobody is there to read a problem body; not a server error either: one line at debug, no answer. */
    private static ResponseEntity<Object> nothingToAnswer(String path, Throwable ex) {
        if (log.isDebugEnabled()) {
            log.debug("Client went away while the answer to {} was written: {}", path,
                    NestedExceptionUtils.getMostSpecificCause(ex).toString());
        }
        return null;
    }

    private ProblemDetail toProblem(Exception ex, HttpStatusCode status, String path) {
        Locale locale = locale();
        if (ex instanceof MethodArgumentNotValidException invalid) {
            List<FieldViolation> errors = new ArrayList<>();
            for (FieldError error : invalid.getBindingResult().getFieldErrors()) {
                errors.add(new FieldViolation(error.getField(), messageOf(error, locale)));
            }
            invalid.getBindingResult().getGlobalErrors()
                    .forEach(error -> errors.add(new FieldViolation(error.getObjectName(), messageOf(error, locale))));
            return problems.create(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale, path, errors);
        }
        if (ex instanceof HandlerMethodValidationException invalid) {
            List<FieldViolation> errors = new ArrayList<>();
            invalid.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                    errors.add(new FieldViolation(result.getMethodParameter().getParameterName(),
                            problems.message(error.getCodes() == null ? "" : error.getCodes()[0], error.getArguments(),
                                    locale, error::getDefaultMessage)))));
            return problems.create(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale, path, errors);
        }
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            return unreadableBody(unreadable, locale, path);
        }
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            return problems.create(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", locale, path,
                    List.of(new FieldViolation(mismatch.getName(),
                            problems.message("problem.field.wrong-type", null, locale, () -> "wrong type"))),
                    mismatch.getName());
        }
        return problems.forStatus(status, locale, path);
    }

    /** Malformed JSON, a wrong type or an unknown enum value: 400 naming the field, never the parser's text. */
    private ProblemDetail unreadableBody(HttpMessageNotReadableException ex, Locale locale, String path) {
        Throwable cause = ex.getCause();
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            Object[] allowed = invalid.getTargetType().getEnumConstants();
            String field = pathOf(invalid);
            return problems.create(HttpStatus.BAD_REQUEST, "INVALID_ENUM_VALUE", locale, path,
                    List.of(new FieldViolation(field, problems.message("problem.field.enum",
                            new Object[] {java.util.Arrays.toString(allowed)}, locale, () -> "unknown value"))),
                    field);
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = pathOf(mismatched);
            return problems.create(HttpStatus.BAD_REQUEST, "INVALID_FIELD", locale, path,
                    List.of(new FieldViolation(field,
                            problems.message("problem.field.wrong-type", null, locale, () -> "wrong type"))),
                    field);
        }
        return problems.create(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", locale, path, List.of());
    }

    private static String pathOf(DatabindException ex) {
        StringBuilder field = new StringBuilder();
        ex.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        });
        return field.toString();
    }

    private String messageOf(org.springframework.context.MessageSourceResolvable error, Locale locale) {
        String[] codes = error.getCodes();
        for (String code : codes == null ? new String[0] : codes) {
            String message = problems.message(code, error.getArguments(), locale, () -> null);
            if (message != null) {
                return message;
            }
        }
        return error.getDefaultMessage();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static ResponseEntity<Object> respond(HttpStatusCode status, HttpHeaders headers, ProblemDetail problem) {
        HttpHeaders out = new HttpHeaders();
        out.putAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, out, status);
    }
}
