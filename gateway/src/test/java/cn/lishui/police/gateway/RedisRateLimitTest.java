package cn.lishui.police.gateway;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limit with its buckets in Redis ({@code fengqiao.gateway.rate-limit.store=redis}), as several
 * gateway instances share them: a real {@code redis-server} (Debian's package; .ci/run installs it) on a
 * loopback port. Skipped where no redis-server is installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "fengqiao.gateway.rate-limit.store=redis",
    "fengqiao.gateway.rate-limit.burst=3",
    "fengqiao.gateway.rate-limit.replenish-per-second=0.2"})
class RedisRateLimitTest extends RunningGateway {

    private static final UpstreamStub services = UpstreamStub.start();
    private static Process redis;
    private static int redisPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        startRedis();
        TestIssuer.register(registry);
        registry.add("fengqiao.services.grid-url", services::url);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> redisPort);
    }

    static void startRedis() throws Exception {
        if (redis != null) {
            return;
        }
        Path binary = redisServer();
        Assumptions.assumeTrue(binary != null, "redis-server is not installed (apt-get install redis-server)");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            redisPort = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("fengqiao-redis");
        redis = new ProcessBuilder(binary.toString(), "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), redisPort)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !redis.isAlive()) {
                    throw new IllegalStateException("redis-server did not start: " + Files.readString(dir.resolve("redis.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    private static Path redisServer() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/usr/sbin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @AfterAll
    static void stop() {
        services.close();
        if (redis != null) {
            redis.destroyForcibly();
        }
    }

    @Autowired
    ReactiveStringRedisTemplate redisTemplate;

    @Test
    void aCallerPastTheBurstGetsA429ProblemWithRetryAfterAndTheBucketLivesInRedis() {
        String citizen = TestIssuer.bearer("citizen-redis", "CITIZEN");
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/grid/incidents/redis").header("Authorization", citizen)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", String.valueOf(2 - i))
                    .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "3")
                    .expectHeader().valueEquals("X-RateLimit-Replenish-Rate", "0.2");
        }

        client.get().uri("/api/grid/incidents/redis").header("Authorization", citizen).header("Accept-Language", "en")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", retryAfter -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, 5L))
                .expectBody()
                .jsonPath("$.code").isEqualTo("TOO_MANY_REQUESTS");

        List<String> keys = redisTemplate.keys("request_rate_limiter.*").collectList().block(Duration.ofSeconds(5));
        assertThat(keys).as("the buckets are kept in Redis").isNotEmpty()
                .anySatisfy(key -> assertThat(key).contains("citizen-redis"));
        assertThat(services.requests()).filteredOn(request -> request.path().equals("/api/grid/incidents/redis"))
                .hasSize(3);
    }

    @Test
    void eachCallerHasABudgetOfTheirOwnInRedisToo() {
        String first = TestIssuer.bearer("citizen-redis-first", "CITIZEN");
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/grid/regions").header("Authorization", first).exchange().expectStatus().isOk();
        }
        client.get().uri("/api/grid/regions").header("Authorization", first).exchange().expectStatus().isEqualTo(429);
        client.get().uri("/api/grid/regions").header("Authorization", TestIssuer.bearer("citizen-redis-second", "CITIZEN"))
                .exchange().expectStatus().isOk();
    }
}
