package cn.lishui.police.platform.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;

/**
 * A broken domain rule, thrown by plain domain code and turned into an RFC 9457 problem body by the
 * starter. The {@code code} is stable and machine-readable (e.g. {@code DISPUTE_ALREADY_CLOSED}); the
 * human message is looked up as {@code problem.<code>.detail} in the message bundles (zh-CN by
 * default, English with {@code Accept-Language: en}) with {@code args} as its parameters.
 */
public class DomainException extends RuntimeException {

    /** One field the rule found wrong: its message is looked up as {@code messageKey} with {@code args}. */
    public record FieldError(String field, String messageKey, Object... args) {
    }

    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance", "code",
            "traceId", "errors");

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;
    private final transient List<FieldError> fieldErrors;
    private final transient Map<String, Object> properties;

    public DomainException(HttpStatus status, String code, Object... args) {
        this(status, code, List.of(), Map.of(), args);
    }

    private DomainException(HttpStatus status, String code, List<FieldError> fieldErrors,
                            Map<String, Object> properties, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
        this.fieldErrors = List.copyOf(fieldErrors);
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The same problem, listing the fields at fault in the body's {@code errors[]}. */
    public DomainException withFieldErrors(List<FieldError> errors) {
        return new DomainException(status, code, errors, properties, args);
    }

    /**
     * The same problem with one more member of the body, for what a client acts on, e.g. the
     * {@code allowedActions} of a refused transition or the {@code available} quantity of an over-allocation.
     * Never personal data. The standard members (type, title, status, detail, instance, code, traceId,
     * errors) cannot be replaced.
     */
    public DomainException with(String property, Object value) {
        if (RESERVED.contains(property)) {
            throw new IllegalArgumentException(property + " is a standard member of the problem body");
        }
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(property, value);
        return new DomainException(status, code, fieldErrors, more, args);
    }

    /** The extra members of the body, in the order they were added. */
    public Map<String, Object> properties() {
        return properties;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    /** 404: the thing asked for does not exist (or the caller may not know that it does). */
    public static DomainException notFound(String code, Object... args) {
        return new DomainException(HttpStatus.NOT_FOUND, code, args);
    }

    /** 409: the request conflicts with the current state of the resource. */
    public static DomainException conflict(String code, Object... args) {
        return new DomainException(HttpStatus.CONFLICT, code, args);
    }

    /** 422: well-formed, but not acceptable by the domain's rules. */
    public static DomainException unprocessable(String code, Object... args) {
        return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, code, args);
    }

    /** 400: the request itself is wrong. */
    public static DomainException badRequest(String code, Object... args) {
        return new DomainException(HttpStatus.BAD_REQUEST, code, args);
    }

    /** 403: the caller is known but may not do this. */
    public static DomainException forbidden(String code, Object... args) {
        return new DomainException(HttpStatus.FORBIDDEN, code, args);
    }
}
