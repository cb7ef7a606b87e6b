package cn.lishui.police.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    static final Instant NOW = Instant.parse("2026-11-29T01:00:00Z");

    @Test
    void aNewDeliveryIsDueAtOnceAndKeepsItsKeyThroughEveryAttempt() {
        Delivery delivery = Delivery.pending("incident-handoff-42", NOW);
        assertThat(delivery.dueAt(NOW)).isTrue();

        Delivery failed = delivery.failed("HTTP 503", NOW);
        assertThat(failed.key()).isEqualTo("incident-handoff-42");
        assertThat(failed.pending()).isTrue();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.dueAt(NOW)).isFalse();
        assertThat(failed.dueAt(NOW.plusSeconds(2))).isTrue();
        assertThat(failed.lastError()).isEqualTo("HTTP 503");

        Delivery delivered = failed.delivered("dispute-7", NOW.plusSeconds(3));
        assertThat(delivered.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(delivered.receipt()).isEqualTo("dispute-7");
        assertThat(delivered.dueAt(NOW.plusSeconds(999))).isFalse();
    }

    @Test
    void theWaitDoublesWithEachFailureUpToFiveMinutes() {
        Delivery delivery = Delivery.pending("k", NOW);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            delivery = delivery.failed("ConnectException", NOW);
            waits.add(Duration.between(NOW, delivery.nextAttemptAt()));
        }
        assertThat(waits.subList(0, 4)).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16));
        assertThat(waits.get(11)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aRefusalEndsTheDelivery() {
        Delivery rejected = Delivery.pending("k", NOW).rejected("HTTP 422", NOW);
        assertThat(rejected.status()).isEqualTo(Delivery.Status.REJECTED);
        assertThat(rejected.dueAt(NOW.plusSeconds(600))).isFalse();
    }

    @Test
    void clientErrorsArePermanentButNotThoseThatSayNotNow() {
        assertThat(DeliveryFailures.permanent(status(404))).isTrue();
        assertThat(DeliveryFailures.permanent(status(422))).isTrue();
        assertThat(DeliveryFailures.permanent(new IllegalStateException("wrapped", status(400)))).isTrue();
        assertThat(DeliveryFailures.permanent(status(409))).isFalse();
        assertThat(DeliveryFailures.permanent(status(429))).isFalse();
        assertThat(DeliveryFailures.permanent(status(401))).isFalse();
        assertThat(DeliveryFailures.permanent(status(503))).isFalse();
        assertThat(DeliveryFailures.permanent(new RetryableException(-1, "Connection refused", Request.HttpMethod.POST,
                (Long) null, request()))).isFalse();
        assertThat(DeliveryFailures.permanent(CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("mediation")))).isFalse();
        assertThat(DeliveryFailures.describe(status(503))).isEqualTo("HTTP 503");
        assertThat(DeliveryFailures.describe(new IllegalStateException(new java.net.ConnectException("refused"))))
                .isEqualTo("ConnectException");
    }

    @Test
    void theSchedulerRedeliversWhatIsDueCountsOutcomesAndExportsTheBacklog() {
        Queue queue = new Queue();
        queue.owners.put("a", Delivery.pending("ka", NOW));
        queue.owners.put("b", Delivery.pending("kb", NOW));
        queue.owners.put("c", Delivery.pending("kc", NOW).failed("HTTP 503", NOW)); // not due yet
        queue.answers.put("a", Delivery.Outcome.DELIVERED);
        queue.answers.put("b", Delivery.Outcome.RETRY);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DeliveryScheduler scheduler = new DeliveryScheduler(List.of(queue), meters,
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(1), 10);

        assertThat(meters.get("fengqiao.delivery.backlog").tag("queue", "test").gauge().value()).isEqualTo(3);
        scheduler.runOnce();

        assertThat(queue.tried).containsExactlyInAnyOrder("a", "b");
        assertThat(meters.get("fengqiao.delivery.redeliveries").tags("queue", "test", "outcome", "delivered")
                .counter().count()).isEqualTo(1);
        assertThat(meters.get("fengqiao.delivery.redeliveries").tags("queue", "test", "outcome", "retry")
                .counter().count()).isEqualTo(1);
        assertThat(meters.get("fengqiao.delivery.backlog").tag("queue", "test").gauge().value()).isEqualTo(2);
    }

    @Test
    void aQueueThatThrowsDoesNotStopTheOthers() {
        DeliveryQueue broken = new Queue() {
            @Override
            public List<String> due(Instant now, int limit) {
                throw new IllegalStateException("store unavailable");
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        Queue healthy = new Queue();
        healthy.owners.put("x", Delivery.pending("kx", NOW));
        healthy.answers.put("x", Delivery.Outcome.DELIVERED);
        new DeliveryScheduler(List.of(broken, healthy), new SimpleMeterRegistry(), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(1), 10).runOnce();
        assertThat(healthy.tried).containsExactly("x");
    }

    static FeignException status(int status) {
        return FeignException.errorStatus("MediationClient#handOff", feign.Response.builder()
                .status(status).reason("status " + status).request(request())
                .headers(Map.<String, Collection<String>>of()).body(new byte[0]).build());
    }

    static Request request() {
        return Request.create(Request.HttpMethod.POST, "http://127.0.0.1:1/x", Map.of(), new byte[0],
                StandardCharsets.UTF_8, null);
    }

    /** A queue over a map, as a service's would be over its documents. */
    static class Queue implements DeliveryQueue {
        final Map<String, Delivery> owners = new HashMap<>();
        final Map<String, Delivery.Outcome> answers = new HashMap<>();
        final List<String> tried = new ArrayList<>();

        @Override
        public String name() {
            return "test";
        }

        @Override
        public long backlog() {
            return owners.values().stream().filter(Delivery::pending).count();
        }

        @Override
        public List<String> due(Instant now, int limit) {
            return owners.entrySet().stream().filter(e -> e.getValue().dueAt(now)).map(Map.Entry::getKey)
                    .sorted().limit(limit).toList();
        }

        @Override
        public Delivery.Outcome redeliver(String ownerId) {
            tried.add(ownerId);
            Delivery.Outcome outcome = answers.getOrDefault(ownerId, Delivery.Outcome.SKIPPED);
            if (outcome == Delivery.Outcome.DELIVERED) {
                owners.put(ownerId, owners.get(ownerId).delivered("r-" + ownerId, NOW));
            }
            return outcome;
        }
    }
}
