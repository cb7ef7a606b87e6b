package cn.lishui.police.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store's promise (ARCHITECTURE.md §2): a write the service has acknowledged survives
 * {@code kill -9}. mediation-service runs from its jar on a fresh data directory (with identity-service
 * for an administrator's token); it acknowledges
 * a run of creates, is SIGKILLed right after the last 201 (well inside the second an H2 delayed commit
 * would still hold back), restarts on the same directory and must return every one of them.
 */
class DurabilityIT {

    private static final int WRITES = 20;
    /** The H2 MVStore's default auto-commit delay: a kill this soon after the ack finds an uncommitted write. */
    private static final Duration WITHIN_COMMIT_DELAY = Duration.ofMillis(500);
    private static final int SIGKILL_EXIT_CODE = 128 + 9;

    private static Suite suite;

    @BeforeAll
    static void startMediationService() {
        // identity-service only signs the administrator's token
        suite = Suite.start(DurabilityIT.class.getSimpleName(), Deployable.IDENTITY, Deployable.MEDIATION);
    }

    @AfterAll
    static void stopIt() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNineAndARestartOnTheSameDataDirectory() {
        ServiceProcess mediation = suite.process(Deployable.MEDIATION);
        String admin = suite.accessToken("demo-admin");
        Map<String, Map<String, Object>> acknowledged = new LinkedHashMap<>();
        long lastAck = 0;
        for (int i = 0; i < WRITES; i++) {
            Map<String, Object> organisation = Journeys.mediationOrganisation("持久性" + i);
            Http.Response created = Http.post(mediation.url(Journeys.ORGANISATIONS), organisation, admin);
            lastAck = System.nanoTime();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            acknowledged.put(Journeys.pathOf(created), organisation);
        }

        long killedAfterAck = System.nanoTime() - lastAck;
        int exitCode = mediation.kill();

        assertThat(exitCode).as("exit code of a SIGKILLed JVM").isEqualTo(SIGKILL_EXIT_CODE);
        assertThat(Duration.ofNanos(killedAfterAck)).as("kill right after the last acknowledgement")
                .isLessThan(WITHIN_COMMIT_DELAY);
        assertThat(mediation.dataDir().resolve("mediation-service/mongo.mv.db")).as("the store file").exists();

        mediation.start();
        mediation.awaitReady(System.nanoTime() + E2eSettings.startTimeout().toNanos());

        assertThat(acknowledged).hasSize(WRITES);
        acknowledged.forEach((path, organisation) -> {
            Http.Response found = Http.get(mediation.url(path), admin);
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            JsonNode body = found.json();
            organisation.forEach((field, value) ->
                    assertThat(body.path(field).asString()).as(field + " of " + found).isEqualTo(String.valueOf(value)));
        });
    }
}
