package cn.lishui.police.overseas.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A provider stand-in on a loopback port (JDK HttpServer): routes answer JSON, {@link #down(boolean)} makes
 * every answer a 503 as a provider that is down behind the gateway would. Each request is recorded.
 */
public final class StubProvider {

    /** One recorded request. */
    public record Call(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer: status and JSON body. */
    public record Answer(int status, String json) {
    }

    @FunctionalInterface
    public interface Route {
        Answer answer(Call call);
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public StubProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests whose "METHOD path" starts with {@code prefix} (longest prefix wins). */
    public void route(String prefix, Route route) {
        routes.put(prefix, route);
    }

    public void down(boolean down) {
        this.down = down;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String prefix) {
        return calls.stream().filter(c -> (c.method() + " " + c.path()).startsWith(prefix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        calls.add(call);
        Answer answer;
        if (down) {
            answer = new Answer(503, "{\"status\":503,\"code\":\"SERVICE_UNAVAILABLE\"}");
        } else {
            String key = call.method() + " " + call.path();
            Route route = routes.entrySet().stream().filter(e -> key.startsWith(e.getKey()))
                    .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                    .map(Map.Entry::getValue).orElse(null);
            answer = route == null ? new Answer(404, "{\"status\":404,\"code\":\"NOT_FOUND\"}") : route.answer(call);
        }
        byte[] bytes = answer.json() == null ? new byte[0] : answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
