package cn.lishui.police.gateway.cache;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_HEADER_NAMES;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * A shared HTTP cache (RFC 9111, the part a gateway needs) for public, anonymous reads such as the service
 * catalogue: one service call per answer and {@code max-age} instead of one per request.
 *
 * <p><b>Why not Spring Cloud Gateway's {@code LocalResponseCache}:</b> the 5.0.4 in use is affected by
 * CVE-2026-59426 (its global cache key ignores the route, so two routes' answers for one path are mixed up) and
 * CVE-2026-59427 (it compares {@code Cache-Control} as whole strings, so a {@code private, no-store} answer is
 * stored); the fixed 5.0.5 is not available here. This one is small and keeps to these rules:
 * <ul>
 * <li>Only {@code GET} on the configured paths ({@code fengqiao.gateway.response-cache.paths}), only without
 *     {@code Authorization} and without cookies (an answer for someone is never shared), without {@code Range},
 *     with a readable {@code Accept-Language}. A request with {@code Cache-Control: no-cache} or {@code no-store}
 *     (or {@code Pragma: no-cache}) goes to the service and its answer is not kept; {@code max-age=N} accepts only
 *     a stored answer at most N seconds old.</li>
 * <li>Key: route id, raw path, raw query, the language the services will answer in ({@link RequestLanguage}),
 *     and the values of the request headers the service named in {@code Vary} ({@code Vary: *} is never kept).</li>
 * <li>Kept: a 200 whose {@code Cache-Control}, parsed into directives ({@link CacheControl}), has {@code public}
 *     and {@code s-maxage} or {@code max-age} and none of {@code private}, {@code no-store}, {@code no-cache}, and
 *     no {@code Set-Cookie}; for {@code min(s-maxage or max-age, max-ttl)}; in a bounded store
 *     ({@link ResponseStore}).</li>
 * <li>One service call per key at a time: concurrent misses wait for it and are answered from what it stored.</li>
 * <li>A hit is the service's headers plus {@code Age}; {@code If-None-Match} matching its {@code ETag} gets 304
 *     (on a miss the conditional headers are not forwarded, so that the full answer can be kept).</li>
 * </ul>
 * It runs as a route filter right after the rate limiter (same order, listed after it in
 * {@code default-filters}): a hit has spent the caller's budget, gets the security headers and CORS of the
 * gateway's web filters, and does not count as a call in the service's circuit breaker. Counted in
 * {@code fengqiao.gateway.response.cache.requests{result=hit|miss|bypass}}.
 */
final class PublicResponseCache implements GatewayFilter, Ordered {

    /** The order of the {@code RequestRateLimiter} default filter listed first; see the class comment. */
    static final int ORDER = 1;

    /** Headers of a 304 (RFC 9110 §15.4.5) besides {@code Age}. */
    private static final List<String> NOT_MODIFIED_HEADERS = List.of(HttpHeaders.CACHE_CONTROL,
            HttpHeaders.CONTENT_LOCATION, HttpHeaders.DATE, HttpHeaders.ETAG, HttpHeaders.EXPIRES, HttpHeaders.VARY);
    /** Headers of a connection, not of the answer, and the age that is computed again when it is served. */
    private static final Set<String> NOT_STORED = Set.of("transfer-encoding", "connection", "keep-alive", "age",
            "proxy-connection", "upgrade", "trailer");
    private static final int MAX_WAITS = 2;
    private static final Duration MAX_WAIT = Duration.ofSeconds(15);

    private static final String PLAN = PublicResponseCache.class.getName() + ".plan";

    private final boolean enabled;
    private final List<PathPattern> paths;
    private final long maxEntryBytes;
    private final long maxTtlSeconds;
    private final ResponseStore store;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;
    private final Counter bypasses;

    PublicResponseCache(ResponseCacheProperties properties, MeterRegistry meters, LongSupplier nanoClock) {
        this.enabled = properties.enabled();
        this.paths = properties.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.maxEntryBytes = properties.maxEntryBytes().toBytes();
        this.maxTtlSeconds = properties.maxTtl().toSeconds();
        this.store = new ResponseStore(properties.maxEntries(), properties.maxBytes().toBytes());
        this.nanoClock = nanoClock;
        this.hits = counter(meters, "hit");
        this.misses = counter(meters, "miss");
        this.bypasses = counter(meters, "bypass");
        Gauge.builder("fengqiao.gateway.response.cache.entries", store, ResponseStore::size)
                .description("Responses kept by the gateway's cache of public reads").register(meters);
        Gauge.builder("fengqiao.gateway.response.cache.size", store, ResponseStore::bytes).baseUnit("bytes")
                .description("Memory taken by the responses kept (estimated)").register(meters);
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("fengqiao.gateway.response.cache.requests").tag("result", result)
                .description("Requests on the cached paths: answered from the cache, forwarded and kept if allowed, "
                        + "or forwarded because they may not be answered from a cache")
                .register(meters);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!enabled || !onCachedPath(request)) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = request.getHeaders();
        String language = RequestLanguage.of(headers);
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (request.getMethod() != HttpMethod.GET || route == null || language == null || !mayUseCache(headers)) {
            bypasses.increment();
            return chain.filter(exchange);
        }
        String query = request.getURI().getRawQuery();
        String requestKey = route.getId() + '\n' + request.getURI().getRawPath() + '?' + (query == null ? "" : query)
                + '\n' + language;
        long acceptedAge = CacheControl.parse(headers.get(HttpHeaders.CACHE_CONTROL)).seconds("max-age");
        return lookup(exchange, chain, requestKey, acceptedAge < 0 ? Long.MAX_VALUE : acceptedAge, 0);
    }

    private boolean onCachedPath(ServerHttpRequest request) {
        for (PathPattern pattern : paths) {
            if (pattern.matches(request.getPath().pathWithinApplication())) {
                return true;
            }
        }
        return false;
    }

    /** Not for someone in particular, and not a request that asks to skip caches. */
    private static boolean mayUseCache(HttpHeaders headers) {
        if (headers.containsHeader(HttpHeaders.AUTHORIZATION) || headers.containsHeader(HttpHeaders.COOKIE)
                || headers.containsHeader(HttpHeaders.RANGE)) {
            return false;
        }
        List<String> cacheControl = headers.get(HttpHeaders.CACHE_CONTROL);
        if (cacheControl == null) {
            List<String> pragma = headers.get(HttpHeaders.PRAGMA);
            return pragma == null || pragma.stream().noneMatch(value -> value.toLowerCase(Locale.ROOT).contains("no-cache"));
        }
        CacheControl directives = CacheControl.parse(cacheControl);
        return !directives.has("no-cache") && !directives.has("no-store");
    }

    private Mono<Void> lookup(ServerWebExchange exchange, GatewayFilterChain chain, String requestKey,
                              long acceptedAge, int waits) {
        long now = nanoClock.getAsLong();
        List<String> varyNames = store.varyNamesOf(requestKey);
        String key = keyOf(requestKey, varyNames, exchange.getRequest().getHeaders());
        StoredResponse stored = store.get(key, now);
        if (stored != null && stored.ageAt(now) <= acceptedAge) {
            hits.increment();
            return serve(exchange, stored, now);
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> leader = inFlight.putIfAbsent(key, mine);
        if (leader != null && waits < MAX_WAITS) {
            // the same answer is being fetched: wait for it, then look again (its Vary may give another key)
            return Mono.fromFuture(leader, true).timeout(MAX_WAIT).onErrorResume(error -> Mono.empty())
                    .then(Mono.defer(() -> lookup(exchange, chain, requestKey, acceptedAge, waits + 1)));
        }
        if (leader != null) {
            misses.increment();
            return forward(exchange, chain, requestKey, () -> { }); // waited twice in vain: fetch alone
        }
        // a call that ended between the look above and now has stored its answer before it let go of the key
        stored = store.get(key, now);
        if (stored != null && stored.ageAt(now) <= acceptedAge) {
            inFlight.remove(key, mine);
            mine.complete(null);
            hits.increment();
            return serve(exchange, stored, now);
        }
        misses.increment();
        return forward(exchange, chain, requestKey, () -> {
            inFlight.remove(key, mine);
            mine.complete(null);
        });
    }

    static String keyOf(String requestKey, List<String> varyNames, HttpHeaders requestHeaders) {
        if (varyNames == null || varyNames.isEmpty()) {
            return requestKey;
        }
        StringBuilder key = new StringBuilder(requestKey);
        for (String name : varyNames) {
            List<String> values = requestHeaders.get(name);
            key.append('\n').append(name).append(':').append(values == null ? "" : String.join(",", values));
        }
        return key.toString();
    }

    private Mono<Void> serve(ServerWebExchange exchange, StoredResponse stored, long now) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        if (matchesAny(exchange.getRequest().getHeaders().get(HttpHeaders.IF_NONE_MATCH), stored.etag())) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            for (String name : NOT_MODIFIED_HEADERS) {
                List<String> values = stored.headers().get(name);
                if (values != null) {
                    headers.addAll(name, values);
                }
            }
            headers.set(HttpHeaders.AGE, Long.toString(stored.ageAt(now)));
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.OK);
        headers.addAll(stored.headers());
        headers.set(HttpHeaders.AGE, Long.toString(stored.ageAt(now)));
        headers.setContentLength(stored.body().length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(stored.body())));
    }

    /** Weak comparison (RFC 9110 §13.1.2): {@code If-None-Match} values against the stored answer's ETag. */
    static boolean matchesAny(List<String> ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String opaque = opaqueTag(etag);
        for (String header : ifNoneMatch) {
            for (String candidate : header.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*") || (!tag.isEmpty() && opaqueTag(tag).equals(opaque))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String opaqueTag(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    /** Forwards the request; {@code release} lets the callers waiting for this answer look again. */
    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, String requestKey,
                               Runnable release) {
        ServerHttpRequest request = exchange.getRequest();
        List<String> ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null || request.getHeaders().containsHeader(HttpHeaders.IF_MODIFIED_SINCE)) {
            request = request.mutate().headers(headers -> {
                headers.remove(HttpHeaders.IF_NONE_MATCH);
                headers.remove(HttpHeaders.IF_MODIFIED_SINCE);
            }).build();
        }
        exchange.getAttributes().put(PLAN, new Plan(requestKey, ifNoneMatch,
                HttpHeaders.copyOf(exchange.getResponse().getHeaders()), release));
        return chain.filter(exchange.mutate().request(request).build());
    }

    /**
     * What {@link Capture} needs to keep a forwarded answer: its request key, the caller's {@code If-None-Match},
     * the headers the response had before the service answered (rate limit, CORS: the gateway's, not kept), and
     * what to run once the answer has been written (and kept): the waiting callers look again.
     */
    private record Plan(String requestKey, List<String> ifNoneMatch, HttpHeaders gatewayHeaders, Runnable release) {
    }

    /**
     * Puts {@link Capture} around the response of a request on a cached path. It has to be a global filter ordered
     * before Spring Cloud Gateway's {@code NettyWriteResponseFilter}, which writes the service's answer to the
     * response it was given; the route filter above decides later (after the rate limiter) whether to keep it.
     * The route filter's own chain ends when the service's headers have arrived, before the body is written, so
     * the callers waiting for the answer are let go here, when everything inside has ended (or failed).
     */
    GlobalFilter captureInstaller() {
        return new CaptureInstaller();
    }

    private final class CaptureInstaller implements GlobalFilter, Ordered {

        @Override
        public int getOrder() {
            return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            ServerHttpRequest request = exchange.getRequest();
            if (!enabled || request.getMethod() != HttpMethod.GET || !mayUseCache(request.getHeaders())
                    || !onCachedPath(request)) {
                return chain.filter(exchange); // nothing of it will be kept: no decorator per request
            }
            return chain.filter(exchange.mutate().response(new Capture(exchange)).build()).doFinally(signal -> {
                Plan plan = exchange.getAttribute(PLAN);
                if (plan != null) {
                    plan.release().run();
                }
            });
        }
    }

    /**
     * The response on its way from the service to the caller: decides from the status and the service's headers
     * whether it may be kept, and if so keeps a copy of the body as it passes.
     */
    private final class Capture extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;

        Capture(ServerWebExchange exchange) {
            super(exchange.getResponse());
            this.exchange = exchange;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            Plan plan = exchange.getAttribute(PLAN);
            HttpStatusCode status = getStatusCode();
            if (plan == null || status == null || status.value() != HttpStatus.OK.value()) {
                return super.writeWith(body);
            }
            HttpHeaders upstream = upstreamHeaders(plan.gatewayHeaders());
            long ttl = upstream == null ? -1 : storableFor(upstream, plan.requestKey());
            boolean notModified = upstream != null && matchesAny(plan.ifNoneMatch(), upstream.getFirst(HttpHeaders.ETAG));
            if (ttl <= 0 && !notModified) {
                return super.writeWith(body);
            }
            long receivedAt = nanoClock.getAsLong();
            Copy copy = ttl > 0 ? new Copy(upstream.getContentLength()) : null;
            Flux<DataBuffer> passing = Flux.<DataBuffer>from(body).map(buffer -> {
                if (copy != null) {
                    copy.add(buffer);
                }
                return buffer;
            }).doOnComplete(() -> {
                if (copy != null && copy.complete()) {
                    keep(plan.requestKey(), upstream, copy.bytes(), receivedAt, ttl);
                }
            });
            if (!notModified) {
                return getDelegate().writeWith(passing);
            }
            // the caller already has this answer: 304, the body only read to be kept (and released)
            getDelegate().setStatusCode(HttpStatus.NOT_MODIFIED);
            getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            getHeaders().remove(HttpHeaders.TRANSFER_ENCODING);
            return passing.doOnNext(DataBufferUtils::release).then(getDelegate().setComplete());
        }

        /** The headers the service sent (after the gateway's response header filters); null if it was not the service. */
        private HttpHeaders upstreamHeaders(HttpHeaders gatewayHeaders) {
            Set<String> names = exchange.getAttribute(CLIENT_RESPONSE_HEADER_NAMES);
            if (names == null) {
                return null;
            }
            HttpHeaders upstream = new HttpHeaders();
            for (String name : names) {
                List<String> values = getHeaders().get(name);
                if (values == null) {
                    continue;
                }
                List<String> before = gatewayHeaders.get(name);
                int skip = before == null ? 0 : Math.min(before.size(), values.size());
                if (skip < values.size()) {
                    upstream.addAll(name, new ArrayList<>(values.subList(skip, values.size())));
                }
            }
            return upstream;
        }

        /** Seconds the answer may be kept, or -1. */
        private long storableFor(HttpHeaders upstream, String requestKey) {
            if (upstream.containsHeader(HttpHeaders.SET_COOKIE) || upstream.getContentLength() > maxEntryBytes) {
                return -1;
            }
            long lifetime = CacheControl.parse(upstream.get(HttpHeaders.CACHE_CONTROL)).sharedLifetime();
            if (lifetime <= 0 || varyNames(upstream) == null) {
                return -1;
            }
            long age = Math.max(0, CacheControl.parseAge(upstream.getFirst(HttpHeaders.AGE)));
            return Math.min(lifetime, maxTtlSeconds) - age;
        }

        private void keep(String requestKey, HttpHeaders upstream, byte[] body, long receivedAt, long ttl) {
            HttpHeaders kept = new HttpHeaders();
            long size = 256L + body.length + 2L * requestKey.length();
            for (String name : upstream.headerNames()) {
                if (!NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
                    List<String> values = upstream.get(name);
                    kept.addAll(name, values);
                    size += 2L * name.length() + values.stream().mapToLong(value -> 2L * value.length() + 16).sum();
                }
            }
            List<String> varyNames = varyNames(upstream);
            long initialAge = Math.max(0, CacheControl.parseAge(upstream.getFirst(HttpHeaders.AGE)));
            StoredResponse stored = new StoredResponse(HttpHeaders.readOnlyHttpHeaders(kept), body, varyNames,
                    receivedAt, receivedAt + ttl * 1_000_000_000L, initialAge, size);
            store.put(requestKey, keyOf(requestKey, varyNames, exchange.getRequest().getHeaders()), stored);
        }
    }

    /** The request headers named in {@code Vary}, lower-case and sorted; null for {@code Vary: *}. */
    static List<String> varyNames(HttpHeaders upstream) {
        List<String> vary = upstream.get(HttpHeaders.VARY);
        if (vary == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String header : vary) {
            for (String name : header.split(",")) {
                String lower = name.strip().toLowerCase(Locale.ROOT);
                if (lower.equals("*")) {
                    return null;
                }
                if (!lower.isEmpty() && !names.contains(lower)) {
                    names.add(lower);
                }
            }
        }
        names.sort(null);
        return List.copyOf(names);
    }

    /** A copy of a body as it passes, given up when it grows past the largest entry. */
    private final class Copy {

        private ByteArrayOutputStream bytes;

        Copy(long contentLength) {
            bytes = new ByteArrayOutputStream(contentLength > 0 ? (int) contentLength : 1024);
        }

        void add(DataBuffer buffer) {
            if (bytes == null) {
                return;
            }
            int readable = buffer.readableByteCount();
            if (bytes.size() + (long) readable > maxEntryBytes) {
                bytes = null;
                return;
            }
            byte[] chunk = new byte[readable];
            buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(chunk), 0, readable);
            bytes.write(chunk, 0, readable);
        }

        boolean complete() {
            return bytes != null;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
