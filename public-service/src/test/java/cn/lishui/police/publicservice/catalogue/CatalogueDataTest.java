package cn.lishui.police.publicservice.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The catalogue data set as loaded from items-v1.json. Only catalogue codes (LSGA-) are counted, so that items
 * other tests of the same store create do not disturb the counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class CatalogueDataTest {

    @Autowired
    RestTestClient http;

    @Autowired
    ServiceItemRepository items;

    @Autowired
    CatalogueLoader loader;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theCatalogueHoldsExactly45Global217InstantAnd206ZeroVisitItemsAllOnlineAndMobile() {
        assertThat(total("")).isGreaterThanOrEqualTo(250);
        assertThat(total("global=true")).isEqualTo(45);
        assertThat(total("instant=true")).isEqualTo(217);
        assertThat(total("zeroVisit=true")).isEqualTo(206);
        assertThat(total("online=false")).isZero();
        assertThat(total("mobile=false")).isZero();
        assertThat(total("global=true&channel=OVERSEAS_STATION")).isEqualTo(45);
    }

    @Test
    void getItemsWithGlobalTrueReturnsExactlyThe45GlobalItems() {
        http.get().uri("/api/public/items?global=true&q=LSGA&size=200").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page.totalElements").isEqualTo(45)
                .jsonPath("$.content[*].global").value(List.class,
                        flags -> assertThat(flags).hasSize(45).containsOnly(true));
    }

    @Test
    void anItemDetailShowsItsGuideAndForm() {
        http.get().uri("/api/public/items/{code}", "LSGA-CRJ-0001").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("出入境记录查询证明（本人申请）")
                .jsonPath("$.nameEn").isEqualTo("Certificate of exit-entry records (by the applicant)")
                .jsonPath("$.department").isEqualTo("EXIT_ENTRY")
                .jsonPath("$.legalBasis").isNotEmpty()
                .jsonPath("$.conditions[0]").isNotEmpty()
                .jsonPath("$.materials[0].form").isEqualTo("ORIGINAL")
                .jsonPath("$.materials[0].count").isEqualTo(1)
                .jsonPath("$.materials[0].eCertificateAccepted").isEqualTo(true)
                .jsonPath("$.global").isEqualTo(true)
                .jsonPath("$.maxVisits").isEqualTo(0)
                .jsonPath("$.form[?(@.name == 'deliveryMethod')].type").isEqualTo(List.of("SINGLE_CHOICE"))
                .jsonPath("$.form[?(@.name == 'deliveryMethod')].values[0]").isEqualTo(List.of("PICKUP"));
    }

    @Test
    void loadingTheSameVersionAgainChangesNothingAndANewLoadRestoresDriftedItems() {
        ServiceItem drifted = items.findByCode("LSGA-HZ-0001").orElseThrow();
        CatalogueEntry original = drifted.toEntry();
        drifted.revise(CatalogueEntry.simple(original.code(), "被改动的名称", original.department(), false, false, 1, 9));
        items.save(drifted);

        loader.run(null);
        assertThat(items.findByCode("LSGA-HZ-0001").orElseThrow().toEntry().name())
                .as("same version: not reloaded").isEqualTo("被改动的名称");

        mongo.remove(new Query(Criteria.where("_id").is(CatalogueVersion.SERVICE_ITEMS)), CatalogueVersion.class);
        loader.run(null);
        ServiceItem restored = items.findByCode("LSGA-HZ-0001").orElseThrow();
        assertThat(restored.toEntry()).isEqualTo(original);
        Long versionAfterFirst = restored.version();

        mongo.remove(new Query(Criteria.where("_id").is(CatalogueVersion.SERVICE_ITEMS)), CatalogueVersion.class);
        loader.run(null);
        assertThat(items.findByCode("LSGA-HZ-0001").orElseThrow().version()).isEqualTo(versionAfterFirst);
        assertThat(items.count()).isGreaterThanOrEqualTo(loader.file().items().size());
    }

    private long total(String query) {
        Integer total = http.get().uri("/api/public/items?q=LSGA-&" + query).exchange()
                .expectStatus().isOk()
                .returnResult(tools.jackson.databind.JsonNode.class).getResponseBody().path("page")
                .path("totalElements").asInt();
        return total;
    }
}
