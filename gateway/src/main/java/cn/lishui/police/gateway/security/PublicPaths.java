package cn.lishui.police.gateway.security;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The public paths ({@code fengqiao.gateway.security.public-paths}) as one matcher that checks them all in
 * a plain loop. It matches exactly what one {@code pathMatchers(method, pattern)} per entry matched (the
 * same parser, the path within the application, the method compared exactly), but an anonymous request no
 * longer walks a reactive pipeline per entry: that walk was a visible share of the gateway's own time on
 * cheap requests (see docs/benchmarks.md, the gateway section).
 */
final class PublicPaths implements ServerWebExchangeMatcher {

    private record Entry(HttpMethod method, PathPattern pattern) {
    }

    private final List<Entry> entries;

    private PublicPaths(List<Entry> entries) {
        this.entries = entries;
    }

    /** @param publicPaths entries as {@code "GET /api/public/items/**"} or, for every method, a pattern alone */
    static PublicPaths of(List<String> publicPaths) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        return new PublicPaths(publicPaths.stream().map(publicPath -> {
            String[] parts = publicPath.strip().split("\\s+", 2);
            HttpMethod method = parts.length == 2 ? HttpMethod.valueOf(parts[0].toUpperCase()) : null;
            String pattern = parts[parts.length - 1];
            return new Entry(method, parser.parse(parser.initFullPathPattern(pattern)));
        }).toList());
    }

    boolean matches(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        PathContainer path = null;
        for (Entry entry : entries) {
            if (entry.method() != null && !entry.method().equals(method)) {
                continue;
            }
            if (path == null) {
                path = request.getPath().pathWithinApplication();
            }
            if (entry.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return matches(exchange.getRequest()) ? MatchResult.match() : MatchResult.notMatch();
    }

    @Override
    public String toString() {
        return "PublicPaths" + entries;
    }
}
