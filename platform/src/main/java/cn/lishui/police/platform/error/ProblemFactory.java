package cn.lishui.police.platform.error;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds every RFC 9457 problem body of the suite, servlet services and the reactive gateway alike:
 * a stable {@code type} URI per error kind, a localized {@code title} and {@code detail}, the stable
 * {@code code}, the {@code traceId} of the request and, for validation, {@code errors[]}.
 */
public class ProblemFactory {

    /** Base of the {@code type} URIs; each error code gets {@code <base>/<code-in-kebab-case>}. */
    public static final String TYPE_BASE = "https://fengqiao.lishui.police.cn/problems/";

    private final MessageSource messages;
    private final Supplier<String> traceIds;

    public ProblemFactory(MessageSource messages, Supplier<String> traceIds) {
        this.messages = messages;
        this.traceIds = traceIds;
    }

    public ProblemDetail create(HttpStatusCode status, String code, Locale locale, String instance,
                                List<FieldViolation> errors, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(typeOf(code));
        problem.setTitle(message("problem." + code + ".title", null, locale,
                () -> message("problem.status." + status.value(), null, locale, () -> code)));
        problem.setDetail(message("problem." + code + ".detail", args, locale, problem::getTitle));
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        problem.setProperty("code", code);
        String traceId = traceIds.get();
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** A generic problem for a bare HTTP status (404 of an unknown path, 405, 415, ...). */
    public ProblemDetail forStatus(HttpStatusCode status, Locale locale, String instance) {
        return create(status, codeForStatus(status.value()), locale, instance, List.of());
    }

    /** A localized message of the bundles, e.g. for a field violation. */
    public String message(String key, Object[] args, Locale locale, Supplier<String> fallback) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return fallback.get();
        }
    }

    public static URI typeOf(String code) {
        return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public static String codeForStatus(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 422 -> "UNPROCESSABLE";
            case 429 -> "TOO_MANY_REQUESTS";
            case 502 -> "BAD_GATEWAY";
            case 503 -> "SERVICE_UNAVAILABLE";
            case 504 -> "GATEWAY_TIMEOUT";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }
}
