package cn.lishui.police.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses NoSQL operator injection before any controller sees it: a JSON body with a key that starts
 * with {@code $} or contains a {@code .} at any depth ({@code {"name": {"$ne": null}}},
 * {@code {"$where": ...}}), or a parameter (query string or form body) whose name carries an operator,
 * a path or nested brackets ({@code ?status[$ne]=x}, {@code ?$where=}, {@code ?a.b=}, {@code a[b][c]}).
 * One plain bracketed key is a name like any other (Open311's {@code attribute[dispute_kind]}). The answer is 400
 * {@code OPERATOR_INJECTION}; nothing reaches the store. Runs after {@link RequestBodyLimitFilter},
 * which has buffered the body.
 */
public final class OperatorInjectionGuard extends OncePerRequestFilter {

    /** {@code attribute[dispute_kind]}: one bracketed key of letters, digits, _ and - (Open311's attributes). */
    private static final Pattern PLAIN_BRACKETED_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\[[A-Za-z0-9_-]+]");

    private final ProblemWriter problems;
    private final JsonMapper json;

    public OperatorInjectionGuard(ProblemWriter problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String name : Collections.list(request.getParameterNames())) {
            if (isOperatorOrPath(name) || name.contains("$")
                    || name.contains("[") && !PLAIN_BRACKETED_KEY.matcher(name).matches()) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "OPERATOR_INJECTION", name);
                return;
            }
        }
        if (request instanceof CachedBodyRequest cached && isJson(request)) {
            String key = firstForbiddenKey(cached.body());
            if (key != null) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "OPERATOR_INJECTION", key);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private String firstForbiddenKey(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try (JsonParser parser = json.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME && isOperatorOrPath(parser.getString())) {
                    return parser.getString();
                }
            }
        } catch (StreamReadException malformed) {
            return null; // not JSON after all: the message converter answers MALFORMED_BODY
        }
        return null;
    }

    private static boolean isOperatorOrPath(String key) {
        return key.startsWith("$") || key.contains(".");
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().contains("json");
    }
}
