package cn.lishui.police.overseas.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.overseas.support.ApiTestSupport;
import cn.lishui.police.overseas.support.Providers;
import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * With the platform's scheduler running (every 200 ms here), what was queued while a provider was down is
 * delivered on its own once the provider is back: a portal application, a home-village verification, a family-care
 * visit; and the queues' backlogs are exported. The queues had found nothing pending before (they stop asking the
 * store then), so this also shows that the writes that leave a hand-off pending make them look again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"fengqiao.delivery.enabled=true", "fengqiao.delivery.interval=200ms"})
@AutoConfigureRestTestClient
@SelectedMongo
class ScheduledRedeliveryTest extends ApiTestSupport {

    @Test
    void queuedHandOffsAreDeliveredByTheSchedulerOnceTheProvidersAreBack() throws InterruptedException {
        String subject = "c-" + unique();
        String station = openStation();
        JsonNode compatriot;
        JsonNode application;
        JsonNode visit;
        Thread.sleep(500); // a few rounds of the scheduler over queues with nothing pending
        Providers.GRID.down(true);
        Providers.PUBLIC.down(true);
        try {
            Map<String, Object> registration = new HashMap<>(registration(station));
            registration.put("family", List.of(Map.of("relation", "FATHER", "name", "陈伯", "age", 85, "livesAlone", true)));
            registration.put("familyConsent", true);
            compatriot = post("/api/overseas/compatriots", compatriot(subject), registration);
            application = post("/api/overseas/portal/applications", compatriot(subject),
                    Map.of("itemCode", "LSGA-CRJ-0001", "form", Map.of("applicantName", "陈侨")));
            visit = post("/api/overseas/portal/care-visits", compatriot(subject), Map.of("familyMembers", "父亲，85岁"));
        } finally {
            Providers.GRID.down(false);
            Providers.PUBLIC.down(false);
        }
        assertThat(compatriot.path("villageStatus").asString()).isEqualTo("UNVERIFIED");
        assertThat(application.path("state").asString()).isEqualTo("QUEUED");
        assertThat(visit.path("handOff").asString()).isEqualTo("QUEUED");

        String applicationUri = "/api/overseas/portal/applications/" + application.path("id").asString();
        String compatriotUri = "/api/overseas/compatriots/" + compatriot.path("id").asString();
        String visitUri = "/api/overseas/portal/care-visits/" + visit.path("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)
                && !("SUBMITTED".equals(get(applicationUri, compatriot(subject)).path("state").asString())
                && "VERIFIED".equals(get(compatriotUri, compatriot(subject)).path("villageStatus").asString())
                && "SUBMITTED".equals(get(visitUri, compatriot(subject)).path("handOff").asString()))) {
            Thread.sleep(200);
        }

        assertThat(get(applicationUri, compatriot(subject)).path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(get(compatriotUri, compatriot(subject)).path("villageStatus").asString()).isEqualTo("VERIFIED");
        assertThat(get(visitUri, compatriot(subject)).path("handOff").asString()).isEqualTo("SUBMITTED");
        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("fengqiao_delivery_backlog{").contains("queue=\"portal-applications\"")
                .contains("queue=\"village-verification\"").contains("queue=\"care-visits\"");
    }
}
