import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Paced GETs over keep-alive connections, with each request's wall-clock start and latency: which requests were
 * slow, and when, to lay beside the collectors' logs (bench.py's {@code BENCH_GC_DIR}, wall-clock times) or a
 * service's own log. wrk only gives percentiles. Session 7 found grid's minute this way: the slowest requests all
 * fell in the same 300 ms each minute, beside grid's collections of its whole heap.
 *
 * <p>Usage (JDK 17+, no build): {@code java bench/PacedTrace.java URL CONNECTIONS RATE SECONDS [TOKEN|''] [WARMUP]}.
 * The connections are evenly out of step, together RATE requests/s; the first WARMUP seconds (default 5) are not
 * recorded. A latency counts from the moment the request was due, so a late send (the client's own stall) counts
 * and is also shown apart. Prints p50 to p100 and the 25 slowest requests. Sends only to 127.0.0.1 (localhost).
 */
public class PacedTrace {
    record Sample(long startMillis, double scheduledLagMs, double latencyMs, int status, int connection) {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
            throw new IllegalArgumentException("load goes to 127.0.0.1 only, not " + uri.getHost());
        }
        int connections = Integer.parseInt(args[1]);
        double rate = Double.parseDouble(args[2]);
        double seconds = Double.parseDouble(args[3]);
        String token = args.length > 4 && !args[4].isEmpty() ? args[4] : null;
        double warmup = args.length > 5 ? Double.parseDouble(args[5]) : 5;
        String path = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + (token != null ? "Authorization: Bearer " + token + "\r\n" : "") + "Accept: application/json\r\n\r\n";
        byte[] requestBytes = request.getBytes(StandardCharsets.US_ASCII);
        long intervalNanos = (long) (connections * 1e9 / rate);
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime() + 200_000_000L;
        long begin = start + (long) (warmup * 1e9);
        long end = begin + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread thread = new Thread(() -> {
                long next = start + connection * intervalNanos / connections;
                Socket socket = null;
                InputStream in = null;
                try {
                    while (next < end) {
                        long now = System.nanoTime();
                        if (next > now) {
                            LockSupport.parkNanos(next - now);
                        }
                        if (socket == null) {
                            // (again) after the server closed it: Tomcat closes a keep-alive connection after
                            // 100 requests
                            socket = new Socket(uri.getHost(), uri.getPort());
                            socket.setTcpNoDelay(true);
                            in = new BufferedInputStream(socket.getInputStream(), 65536);
                        }
                        long sent = System.nanoTime();
                        long wall = System.currentTimeMillis();
                        int status;
                        try {
                            socket.getOutputStream().write(requestBytes);
                            socket.getOutputStream().flush();
                            status = readResponse(in);
                        } catch (IOException closed) {
                            socket.close();
                            socket = null;
                            continue;
                        }
                        if (status < 0) {
                            status = -status;
                            socket.close();
                            socket = null;
                        }
                        long done = System.nanoTime();
                        if (next >= begin) {
                            samples.add(new Sample(wall, (sent - next) / 1e6, (done - next) / 1e6, status, connection));
                        }
                        next += intervalNanos;
                    }
                } catch (IOException e) {
                    System.err.println("connection " + connection + ": " + e);
                } finally {
                    if (socket != null) {
                        try {
                            socket.close();
                        } catch (IOException ignored) {
                            // closing
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Sample> all = new ArrayList<>(samples);
        all.sort(Comparator.comparingDouble(Sample::latencyMs));
        long errors = all.stream().filter(s -> s.status() >= 400 || s.status() == 0).count();
        System.out.printf("requests %d, non-2xx %d, achieved %.0f/s%n", all.size(), errors, all.size() / seconds);
        for (double p : new double[] {0.5, 0.9, 0.99, 0.999, 1.0}) {
            int index = Math.min(all.size() - 1, (int) Math.ceil(p * all.size()) - 1);
            System.out.printf("p%s %.2f ms%n", p * 100, all.get(index).latencyMs());
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
        System.out.println("slowest (UTC start, latency ms, late send ms, connection):");
        for (int i = all.size() - 1; i >= Math.max(0, all.size() - 25); i--) {
            Sample s = all.get(i);
            System.out.printf("  %s %.2f %.2f c%d %d%n", time.format(Instant.ofEpochMilli(s.startMillis())),
                    s.latencyMs(), s.scheduledLagMs(), s.connection(), s.status());
        }
    }

    /**
     * Reads one HTTP/1.1 response (Content-Length or chunked) and returns its status, negative when the server
     * closes the connection after it ({@code Connection: close}).
     */
    static int readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            while (true) {
                long size = Long.parseLong(readLine(in).split(";")[0].trim(), 16);
                skip(in, size);
                readLine(in);
                if (size == 0) {
                    break;
                }
            }
        } else if (length > 0) {
            skip(in, length);
        }
        return close ? -status : status;
    }

    static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("closed");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b < 0 && line.size() == 0) {
            throw new IOException("closed");
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
