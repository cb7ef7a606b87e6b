package cn.lishui.police.gateway.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.lishui.police.gateway.problem.GatewayProblems;
import io.netty.handler.codec.http.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The checks of Spring Security's {@link StrictServerWebExchangeFirewall} with its defaults, made once per request
 * instead of on every read of a header. The strict firewall hands the rest of the chain a decorated exchange whose
 * request, and whose request headers, are new decorators on every {@code getRequest()} and {@code getHeaders()}, and
 * checks a header's name and value with a regular expression each time anything reads it: behind the gateway's
 * route, cache, rate-limit and header filters that was about 5 % of the gateway's samples on a forwarded request
 * (docs/benchmarks.md, "s6-gw"). Here, before anything else of the security chain runs:
 * <ul>
 * <li>the method must be one of DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT;</li>
 * <li>the path (as received and decoded) must not contain the strict firewall's blocked strings (semicolons, encoded
 *     slashes, periods and percents, {@code //}, backslashes, NUL, CR, LF, U+2028, U+2029, a decoded {@code %}) and
 *     must be normalized (no {@code .} or {@code ..} segment);</li>
 * <li>every request header name must be assigned Unicode without ISO control characters, every value the same or a
 *     tab; every query parameter name likewise. The strict firewall checked only the headers something read; all
 *     are checked here (an HTTP/1.1 server has already refused most such bytes);</li>
 * <li>no response header may carry CR or LF (response splitting), checked when the response commits.</li>
 * </ul>
 * A rejected request is a 400 problem ({@code BAD_REQUEST}) instead of the strict firewall's empty 400.
 * {@code RequestFirewallTest} checks that both firewalls accept and refuse the same requests.
 */
final class RequestFirewall implements ServerWebExchangeFirewall, ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RequestFirewall.class);

    private static final Set<HttpMethod> ALLOWED_METHODS = Set.of(HttpMethod.DELETE, HttpMethod.GET, HttpMethod.HEAD,
            HttpMethod.OPTIONS, HttpMethod.PATCH, HttpMethod.POST, HttpMethod.PUT);
    /** Blocked in the path as received (and in the path within the application). */
    private static final List<String> BLOCKED_ENCODED = List.of(";", "%3b", "%3B", "%2f", "%2F", "//", "\\", "%5c",
            "%5C", "\0", "%00", "\n", "%0a", "%0A", "\r", "%0d", "%0D", "%25", "%2e", "%2E");
    /** Blocked in the decoded path. */
    private static final List<String> BLOCKED_DECODED = List.of(";", "//", "\\", "\0", "\n", "\r", "%", "\u2028",
            "\u2029");

    private final GatewayProblems problems;

    RequestFirewall(GatewayProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
        String rejection = rejection(exchange.getRequest());
        if (rejection != null) {
            return Mono.error(new ServerExchangeRejectedException("The request was rejected because " + rejection));
        }
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            rejectLineBreaksIn(response);
            return Mono.empty();
        });
        return Mono.just(exchange);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.debug("{} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), rejected.getMessage());
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "BAD_REQUEST");
    }

    /** Why the request is refused, or null. */
    static String rejection(ServerHttpRequest request) {
        if (!ALLOWED_METHODS.contains(request.getMethod())) {
            return "the method " + request.getMethod() + " is not allowed";
        }
        String path = request.getPath().value();
        String rawPath = request.getURI().getRawPath();
        String decodedPath = request.getURI().getPath();
        for (String blocked : BLOCKED_ENCODED) {
            if (contains(path, blocked) || contains(rawPath, blocked)) {
                return "the URL contains \"" + blocked + "\"";
            }
        }
        for (String blocked : BLOCKED_DECODED) {
            if (contains(decodedPath, blocked)) {
                return "the decoded URL contains \"" + blocked + "\"";
            }
        }
        if (!isNormalized(path) || !isNormalized(rawPath) || !isNormalized(decodedPath)) {
            return "the URL is not normalized";
        }
        String header = rejectedHeader(request);
        if (header != null) {
            return "the header " + header + " is not allowed";
        }
        if (request.getURI().getRawQuery() != null) {
            for (String name : request.getQueryParams().keySet()) {
                if (!isAssignedWithoutControls(name, false)) {
                    return "a parameter name is not allowed";
                }
            }
        }
        return null;
    }

    /** The name of the first header whose name or value is not allowed, or null. */
    private static String rejectedHeader(ServerHttpRequest request) {
        if (nativeOf(request) instanceof HttpServerRequest netty) {
            // Netty's own headers: Spring's view of them builds a case-insensitive copy of the names to iterate
            for (var iterator = netty.requestHeaders().iteratorCharSequence(); iterator.hasNext(); ) {
                Map.Entry<CharSequence, CharSequence> header = iterator.next();
                if (!isAssignedWithoutControls(header.getKey(), false) || !isAssignedWithoutControls(header.getValue(), true)) {
                    return header.getKey().toString();
                }
            }
            return null;
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            if (!isAssignedWithoutControls(header.getKey(), false)) {
                return header.getKey();
            }
            for (String value : header.getValue()) {
                if (!isAssignedWithoutControls(value, true)) {
                    return header.getKey();
                }
            }
        }
        return null;
    }

    private static Object nativeOf(ServerHttpRequest request) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request);
        } catch (IllegalArgumentException | IllegalStateException noNativeRequest) { // a test's mock, no server's
            return null;
        }
    }

    private static Object nativeOf(ServerHttpResponse response) {
        try {
            return ServerHttpResponseDecorator.getNativeResponse(response);
        } catch (IllegalArgumentException | IllegalStateException noNativeResponse) {
            return null;
        }
    }

    private static boolean contains(String value, String blocked) {
        return value != null && value.contains(blocked);
    }

    /** No {@code .} or {@code ..} segment. */
    static boolean isNormalized(String path) {
        if (path == null) {
            return true;
        }
        for (int end = path.length(); end > 0; ) {
            int slash = path.lastIndexOf('/', end - 1);
            int length = end - slash - 1;
            if (length == 1 && path.charAt(slash + 1) == '.'
                    || length == 2 && path.charAt(slash + 1) == '.' && path.charAt(slash + 2) == '.') {
                return false;
            }
            end = slash;
        }
        return true;
    }

    /**
     * What the strict firewall's expressions {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (names) and
     * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} (values) accept, without a regular expression.
     */
    static boolean isAssignedWithoutControls(CharSequence text, boolean tabAllowed) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint) && !(tabAllowed && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** The strict firewall's check of the response headers, on Netty's headers where the response has them. */
    private static void rejectLineBreaksIn(ServerHttpResponse response) {
        if (nativeOf(response) instanceof HttpServerResponse netty) {
            HttpHeaders headers = netty.responseHeaders();
            for (var iterator = headers.iteratorCharSequence(); iterator.hasNext(); ) {
                Map.Entry<CharSequence, CharSequence> header = iterator.next();
                rejectLineBreaks(header.getKey(), header.getKey());
                rejectLineBreaks(header.getKey(), header.getValue());
            }
            return;
        }
        for (Map.Entry<String, List<String>> header : response.getHeaders().headerSet()) {
            rejectLineBreaks(header.getKey(), header.getKey());
            for (String value : header.getValue()) {
                rejectLineBreaks(header.getKey(), value);
            }
        }
    }

    private static void rejectLineBreaks(CharSequence name, CharSequence value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException("Invalid characters (CR/LF) in header " + name);
            }
        }
    }
}
