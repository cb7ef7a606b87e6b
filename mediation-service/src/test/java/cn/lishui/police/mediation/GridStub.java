package cn.lishui.police.mediation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for grid-service's contracts 1 and 2 (village check, police liaison) on a loopback port, for the
 * API tests; the contract test runs the same client against the real grid-service. It knows the villages it is
 * told about, and can be switched "down" (503) as a whole.
 */
public final class GridStub {

    private static final Pattern REGION = Pattern.compile("/api/grid/regions/(\\w+)");
    private static final Pattern LIAISON = Pattern.compile("/api/grid/villages/(\\w+)/liaison");

    private static GridStub instance;

    private final HttpServer server;
    private final Map<String, String> villages = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile boolean liaisonDown;

    private GridStub(HttpServer server) {
        this.server = server;
    }

    /** The one stub of the test JVM, started on first use (it is shared by the cached test contexts). */
    public static synchronized GridStub get() {
        if (instance == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                instance = new GridStub(server);
                server.createContext("/", instance::handle);
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds a village (12 digits) to the stub's map. */
    public GridStub village(String code, String name) {
        villages.put(code, name);
        return this;
    }

    public void down(boolean isDown) {
        this.down = isDown;
    }

    /** Only the liaison endpoint answers 503 (the village check still works). */
    public void liaisonDown(boolean isDown) {
        this.liaisonDown = isDown;
    }

    public List<String> authorizations() {
        return authorizations;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization == null ? "" : authorization);
        if (down) {
            send(exchange, 503, "{\"code\":\"SERVICE_UNAVAILABLE\",\"status\":503}");
            return;
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            send(exchange, 401, "{\"code\":\"UNAUTHENTICATED\",\"status\":401}");
            return;
        }
        Matcher region = REGION.matcher(path);
        Matcher liaison = LIAISON.matcher(path);
        if (region.matches() && villages.containsKey(region.group(1))) {
            String code = region.group(1);
            send(exchange, 200, "{\"code\":\"" + code + "\",\"name\":\"" + villages.get(code) + "\",\"nameEn\":\"x\","
                    + "\"level\":\"VILLAGE\",\"parentCode\":\"" + code.substring(0, 9) + "000\",\"children\":[],"
                    + "\"grids\":[]}");
        } else if (liaison.matches() && liaisonDown) {
            send(exchange, 503, "{\"code\":\"SERVICE_UNAVAILABLE\",\"status\":503}");
        } else if (liaison.matches() && villages.containsKey(liaison.group(1))) {
            String code = liaison.group(1);
            send(exchange, 200, "{\"villageCode\":\"" + code + "\",\"villageName\":\"" + villages.get(code) + "\","
                    + "\"townCode\":\"" + code.substring(0, 9) + "000\",\"countyCode\":\"" + code.substring(0, 6) + "\","
                    + "\"chiefs\":[{\"officerId\":\"o-" + code + "-1\",\"name\":\"王警官\",\"kind\":\"POLICE\","
                    + "\"stationId\":\"station-" + code.substring(0, 6) + "-01\",\"phone\":\"138****0001\"}],"
                    + "\"gridOfficers\":[{\"gridCode\":\"" + code + "01\",\"gridName\":\"一网格\",\"officerId\":\"o-"
                    + code + "-2\",\"name\":\"李辅警\",\"kind\":\"AUXILIARY\",\"stationId\":\"station-"
                    + code.substring(0, 6) + "-01\",\"phone\":\"139****0002\",\"unknownField\":1}]}");
        } else {
            send(exchange, 404, "{\"code\":\"VILLAGE_NOT_FOUND\",\"status\":404}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json"
                : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
