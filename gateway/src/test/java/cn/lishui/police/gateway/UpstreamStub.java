package cn.lishui.police.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service behind the gateway, on a free loopback port: it records the method, raw path
 * and query, headers and body size of every request it receives and answers JSON ({@code path}, and {@code answer}: the
 * number of the request, so that a test can tell a stored answer from a new one); headers of its own for a path
 * can be given ({@link #answerWithHeaders}). Paths ending in {@code /slow} are held until a
 * crowd of requests is in flight at once (see {@link #holdSlowRequestsUntil}) or 5 s have passed;
 * paths ending in {@code /broken} answer a 500 problem of their own. Paths ending in {@code /halves} (with a
 * {@code Content-Length}) or {@code /halves-chunked} (without) send the body in two writes, the first half at once
 * and the second, after {@link #holdSecondHalves}, only when the test lets it go ({@link #sendSecondHalves}) or
 * after 10 s.
 */
final class UpstreamStub implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<String> received = new ConcurrentLinkedQueue<>();
    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final Map<String, List<String[]>> headersByPath = new ConcurrentHashMap<>();
    private volatile CountDownLatch crowd = new CountDownLatch(0);
    private volatile CountDownLatch secondHalves = new CountDownLatch(0);
    private volatile CountDownLatch firstHalfSent = new CountDownLatch(1);

    private UpstreamStub(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    static UpstreamStub start() {
        return new UpstreamStub(0);
    }

    /** A stub on this port: a service that comes up where nothing listened before. */
    static UpstreamStub startOn(int port) {
        return new UpstreamStub(port);
    }

    /** A URL on which nothing listens: a service that is down. */
    static String closedPortUrl() {
        return "http://127.0.0.1:" + freePort();
    }

    /** A loopback port on which nothing listens now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Raw path, and {@code ?query} when there was one, of every request received so far. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** Every request received so far, oldest first. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The last request received for this raw path (without query), if any. */
    Optional<Request> lastRequestTo(String path) {
        return requests().stream().filter(request -> request.path().equals(path)).reduce((first, second) -> second);
    }

    /** Answer requests for this raw path with these headers too: name, value, name, value, ... */
    void answerWithHeaders(String path, String... namesAndValues) {
        List<String[]> headers = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            headers.add(new String[] {namesAndValues[i], namesAndValues[i + 1]});
        }
        headersByPath.put(path, List.copyOf(headers));
    }

    /** How many requests for this raw path (any query) were received. */
    long requestsTo(String path) {
        return requests().stream().filter(request -> request.path().equals(path)).count();
    }

    /** From now on, answer no {@code /slow} request before {@code size} of them are in flight together. */
    void holdSlowRequestsUntil(int size) {
        crowd = new CountDownLatch(size);
    }

    /** The first half of a {@code /halves} answer's body; the second is {@link #SECOND_HALF}. */
    static final String FIRST_HALF = "{\"first\":\"" + "a".repeat(200) + "\",";
    static final String SECOND_HALF = "\"second\":\"" + "b".repeat(200) + "\"}";

    /** From now on, {@code /halves} answers send their second half only after {@link #sendSecondHalves}. */
    void holdSecondHalves() {
        firstHalfSent = new CountDownLatch(1);
        secondHalves = new CountDownLatch(1);
    }

    /** Waits until a {@code /halves} answer has sent its headers and its first half (false after the timeout). */
    boolean awaitFirstHalfSent(Duration timeout) throws InterruptedException {
        return firstHalfSent.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the {@code /halves} answers waiting for it send their second half, and later ones send it at once. */
    void sendSecondHalves() {
        secondHalves.countDown();
    }

    int peakConcurrentRequests() {
        return peakInFlight.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        try {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            received.add(query == null ? path : path + "?" + query);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            int bodySize = exchange.getRequestBody().readAllBytes().length;
            requests.add(new Request(exchange.getRequestMethod(), path, headers, bodySize));
            if (path.endsWith("/slow")) {
                CountDownLatch gathering = crowd;
                gathering.countDown();
                gathering.await(5, TimeUnit.SECONDS);
            }
            if (path.endsWith("/halves") || path.endsWith("/halves-chunked")) {
                answerInHalves(exchange, path.endsWith("/halves"));
                return;
            }
            boolean broken = path.endsWith("/broken");
            byte[] body = (broken
                    ? "{\"status\":500,\"code\":\"INTERNAL_ERROR\",\"title\":\"from upstream\"}"
                    : "{\"path\":\"" + path + "\",\"answer\":" + answered.incrementAndGet() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", broken ? "application/problem+json" : "application/json");
            for (String[] header : headersByPath.getOrDefault(path, List.of())) {
                exchange.getResponseHeaders().add(header[0], header[1]);
            }
            exchange.sendResponseHeaders(broken ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private void answerInHalves(HttpExchange exchange, boolean withLength) throws IOException, InterruptedException {
        byte[] first = FIRST_HALF.getBytes(StandardCharsets.UTF_8);
        byte[] second = SECOND_HALF.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, withLength ? first.length + second.length : 0);
        exchange.getResponseBody().write(first);
        exchange.getResponseBody().flush();
        CountDownLatch release = secondHalves;
        firstHalfSent.countDown();
        release.await(10, TimeUnit.SECONDS);
        exchange.getResponseBody().write(second);
    }

    record Request(String method, String path, Map<String, List<String>> headers, int bodySize) {

        /** The first value of a header (names are case-insensitive), null if absent. */
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
