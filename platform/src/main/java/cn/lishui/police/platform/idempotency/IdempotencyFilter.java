package cn.lishui.police.platform.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import cn.lishui.police.platform.web.CachedBodyRequest;
import cn.lishui.police.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for every POST (ARCHITECTURE.md §3, after the IETF httpapi draft and Stripe):
 * <ul>
 * <li>the first request with a key runs and its response is stored;</li>
 * <li>the same key with the same request replays that response ({@code Idempotency-Replayed: true});</li>
 * <li>the same key with a different request is 422 {@code IDEMPOTENCY_KEY_REUSED};</li>
 * <li>the same key while the first is still running waits for it up to {@code in-flight-wait} and
 *     replays its answer, or is 409 {@code IDEMPOTENCY_KEY_IN_FLIGHT} if it is still running then;</li>
 * <li>a first request that failed with a 5xx frees the key, so a retry can succeed.</li>
 * </ul>
 * Keys are scoped to the caller (the authenticated principal, or the anonymous scope).
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final ProblemWriter problems;
    private final Duration inFlightWait;

    IdempotencyFilter(IdempotencyStore store, ProblemWriter problems, Duration inFlightWait) {
        this.store = store;
        this.problems = problems;
        this.inFlightWait = inFlightWait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || isCredentialExchange(request.getRequestURI());
    }

    /** OAuth2 and login answers carry tokens and sessions: never stored, never replayed. */
    private static boolean isCredentialExchange(String path) {
        return path.startsWith("/oauth2/") || path.equals("/login") || path.startsWith("/login/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_INVALID", MAX_KEY_LENGTH);
            return;
        }
        CachedBodyRequest cached = request instanceof CachedBodyRequest c ? c
                : new CachedBodyRequest(request, request.getInputStream().readAllBytes());
        String id = sha256(utf8(scopeOf(request) + "\n" + key));
        String requestHash = sha256(utf8(request.getMethod() + " " + request.getRequestURI() + "?"
                + request.getQueryString() + "\n"), cached.body());

        long deadline = System.nanoTime() + inFlightWait.toNanos();
        while (true) {
            Optional<IdempotencyRecord> holder = store.claim(id, requestHash);
            if (holder.isEmpty()) {
                runFirst(id, cached, response, chain);
                return;
            }
            IdempotencyRecord existing = holder.get();
            if (!existing.requestHash().equals(requestHash)) {
                problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
                return;
            }
            Optional<IdempotencyRecord> finished = awaitCompletion(id, deadline);
            if (finished.isPresent()) {
                replay(finished.get(), response);
                return;
            }
            if (store.find(id).isPresent()) {
                problems.write(request, response, HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_FLIGHT");
                return;
            }
            // the first request failed and released the key: try to claim it ourselves
        }
    }

    private void runFirst(String id, CachedBodyRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, recorded);
            int status = recorded.getStatus();
            if (status < 500) {
                store.complete(id, status, recorded.getContentType(), recorded.getHeader(HttpHeaders.LOCATION),
                        recorded.getContentAsByteArray());
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(id);
            }
            recorded.copyBodyToResponse();
        }
    }

    /** Waits for the first request with this key to finish; empty if it did not, or was released. */
    private Optional<IdempotencyRecord> awaitCompletion(String id, long deadline) {
        long pause = 5;
        while (true) {
            Optional<IdempotencyRecord> current = store.find(id);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            if (current.get().state() == IdempotencyRecord.State.COMPLETED) {
                return current;
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = Math.min(pause * 2, 100);
        }
    }

    private static void replay(IdempotencyRecord record, HttpServletResponse response) throws IOException {
        response.setStatus(record.status());
        if (record.contentType() != null) {
            response.setContentType(record.contentType());
        }
        if (record.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, record.location());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = record.body() == null ? new byte[0] : record.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        log.debug("Replayed the stored response of an Idempotency-Key");
    }

    private static String scopeOf(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? "anonymous" : "principal:" + principal.getName();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
