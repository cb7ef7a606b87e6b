package cn.lishui.police.publicservice.stats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The overview counts the whole store, which other tests of the same context add items and applications to:
 * it is checked against the catalogue data file's counts as lower bounds and for its shape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class OverviewApiTest {

    @Autowired
    RestTestClient http;

    @Test
    void theOverviewIsPublicAndCountsTheCatalogueAndApplicationsByStatus() {
        http.get().uri("/api/public/stats/overview").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items").value(Integer.class, items -> assertThat(items).isGreaterThanOrEqualTo(250))
                .jsonPath("$.globalItems").value(Integer.class, n -> assertThat(n).isGreaterThanOrEqualTo(45))
                .jsonPath("$.instantItems").value(Integer.class, n -> assertThat(n).isGreaterThanOrEqualTo(217))
                .jsonPath("$.zeroVisitItems").value(Integer.class, n -> assertThat(n).isGreaterThanOrEqualTo(206))
                .jsonPath("$.onlineRate").isEqualTo(1.0)
                .jsonPath("$.mobileRate").isEqualTo(1.0)
                .jsonPath("$.applicationsByStatus.SUBMITTED").isNotEmpty()
                .jsonPath("$.applicationsByStatus.DELIVERED").isNotEmpty()
                .jsonPath("$.ratings").isNotEmpty();
    }
}
