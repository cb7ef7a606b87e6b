package cn.lishui.police.mediation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The demo data set reproduces the seed: 正道讲和 at 壶镇 with 65 organisations, 153 mediators, 229 disputes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fengqiao.demo-data.enabled=true", "fengqiao.delivery.enabled=false"})
@AutoConfigureRestTestClient
@SelectedMongo
class DemoDataTest {

    @Autowired
    RestTestClient http;

    @Test
    void jinyunShowsTheHuzhenSeedAllResolved() {
        JsonNode overview = http.get().uri("/api/mediation/stats/overview?countyCode=331122")
                .header("Authorization", TestTokens.user("cmd").roles("COMMANDER").county("331122").bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(overview.get("organisations").asLong()).isEqualTo(DemoSeed.HUZHEN_ORGANISATIONS);
        assertThat(overview.get("mediators").asLong()).isEqualTo(DemoSeed.HUZHEN_MEDIATORS);
        assertThat(overview.get("disputes").asLong()).isEqualTo(DemoSeed.HUZHEN_DISPUTES);
        assertThat(overview.get("accepted").asLong()).isEqualTo(229);
        assertThat(overview.get("closed").asLong()).isEqualTo(229);
        assertThat(overview.get("resolutionRate").asDouble()).isEqualTo(1.0);
        assertThat(overview.get("successRate").asDouble()).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
        assertThat(overview.get("overdue").asLong()).isZero();
        assertThat(overview.get("averageDaysToClose").asDouble()).isPositive();
        assertThat(overview.get("byOrganisation").size()).isEqualTo(65);
    }

    @Test
    void theDemoMediatorsOrganisationExistsAndOtherCountiesHaveOpenAndOverdueCases() {
        String admin = TestTokens.bearer("admin-1", "ADMIN");
        http.get().uri("/api/mediation/organisations/{id}", DemoSeed.DEMO_MEDIATOR_ORGANISATION)
                .header("Authorization", admin).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.countyCode").isEqualTo("331121");
        // the demo mediator (organisation_id org-331121-01, no head appointed) sees the organisation's cases
        http.get().uri("/api/mediation/disputes?organisationId={o}", DemoSeed.DEMO_MEDIATOR_ORGANISATION)
                .header("Authorization", TestTokens.user("demo-mediator-id").roles("MEDIATOR").county("331121")
                        .organisation(DemoSeed.DEMO_MEDIATOR_ORGANISATION).bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(14);
        JsonNode all = http.get().uri("/api/mediation/stats/overview").header("Authorization", admin).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(all.get("byCounty").size()).isEqualTo(9);
        assertThat(all.get("disputes").asLong()).isGreaterThan(229);
        assertThat(all.get("overdue").asLong()).isPositive();
        // 石练镇's 乡音 team speaks the migrants' dialects
        http.get().uri("/api/mediation/mediators?dialect={d}&countyCode=331123", "闽南话")
                .header("Authorization", admin).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(1);
    }
}
