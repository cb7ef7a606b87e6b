package cn.lishui.police.overseas.stats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lishui.police.overseas.support.ApiTestSupport;
import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** The demo data set: 26 cities in 20 countries; 9,000 masks and 138,000 TCM packs donated, shipped, received. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fengqiao.demo-data.enabled=true")
@AutoConfigureRestTestClient
@SelectedMongo
class DemoDataTest extends ApiTestSupport {

    @Test
    void theDemoStationsAndTheEpidemicAidAreThere() {
        JsonNode stations = http.get().uri("/api/overseas/stations?size=200").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(stations.path("content").findValuesAsString("id")).filteredOn(id -> id.startsWith("os-"))
                .hasSize(26);
        assertThat(stations.path("content").findValuesAsString("country").stream().distinct().count())
                .isEqualTo(20);
        JsonNode milano = get("/api/overseas/stations/os-it-milano", ADMIN);
        assertThat(milano.path("timeZone").asString()).isEqualTo("Europe/Rome");
        assertThat(milano.path("hostOrganisation").asString()).isNotBlank();

        JsonNode overview = http.get().uri("/api/overseas/stats/overview").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(overview.path("stations").asLong()).isEqualTo(26);
        assertThat(overview.path("countries").asLong()).isEqualTo(20);
        assertThat(overview.path("cities").asLong()).isEqualTo(26);
        for (String counter : new String[] {"itemsDonated", "itemsShipped", "itemsReceived"}) {
            assertThat(overview.path(counter).path("masks").asLong()).as(counter).isEqualTo(9_000);
            assertThat(overview.path(counter).path("tcmPacks").asLong()).as(counter).isEqualTo(138_000);
        }
        assertThat(overview.path("itemsOnHand").path("masks").asLong()).isZero();
        assertThat(overview.path("aidRequests").path("COMPLETE").asLong()).isEqualTo(23);
    }
}
