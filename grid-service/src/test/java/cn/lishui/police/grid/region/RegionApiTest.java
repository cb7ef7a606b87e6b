package cn.lishui.police.grid.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class RegionApiTest {

    @Autowired
    RestTestClient http;

    @Autowired
    LishuiCounties lishuiCounties;

    @Autowired
    MongoTemplate mongo;

    /** The map is read with any valid token; a grid officer's here. */
    RestTestClient officer;

    @BeforeEach
    void signIn() {
        officer = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION,
                TestTokens.user("o1").roles("GRID_OFFICER").county("331121").bearer()).build();
    }

    @Test
    void countiesAreTheNineCountyLevelDivisionsOfLishuiInCodeOrder() {
        officer.get().uri("/api/grid/counties").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(9)
                .jsonPath("$[*].code").isEqualTo(List.of("331102", "331121", "331122", "331123", "331124",
                        "331125", "331126", "331127", "331181"))
                .jsonPath("$[0].name").isEqualTo("莲都区")
                .jsonPath("$[0].nameEn").isEqualTo("Liandu District")
                .jsonPath("$[8].name").isEqualTo("龙泉市")
                .jsonPath("$[*].level").isEqualTo(new ArrayList<>(Collections.nCopies(9, "COUNTY")))
                .jsonPath("$[*].parentCode").isEqualTo(new ArrayList<>(Collections.nCopies(9, "331100")));
    }

    @Test
    void aRegionIsReadByItsCode() {
        officer.get().uri("/api/grid/regions/{code}", "331127").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.code").isEqualTo("331127")
                .jsonPath("$.name").isEqualTo("景宁畲族自治县")
                .jsonPath("$.nameEn").isEqualTo("Jingning She Autonomous County")
                .jsonPath("$.level").isEqualTo("COUNTY")
                .jsonPath("$.parentCode").isEqualTo("331100");
    }

    @Test
    void anUnknownRegionIsANotFoundProblem() {
        officer.get().uri("/api/grid/regions/{code}", "331199").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("REGION_NOT_FOUND")
                .jsonPath("$.title").isEqualTo("行政区划不存在")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("331199"))
                .jsonPath("$.instance").isEqualTo("/api/grid/regions/331199");
    }

    @Test
    void theNotFoundProblemIsInEnglishWhenAskedFor() {
        officer.get().uri("/api/grid/regions/{code}", "331122101203").header("Accept-Language", "en").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.code").isEqualTo("REGION_NOT_FOUND")
                .jsonPath("$.title").isEqualTo("Region not found")
                .jsonPath("$.detail").isEqualTo("There is no region with the code 331122101203.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"33110", "3311021", "33112210120", "33110a", "lishui"})
    void aCodeThatIsNotSixOrTwelveDigitsIsAValidationProblemOnTheCode(String code) {
        officer.get().uri("/api/grid/regions/{code}", code).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("code")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("6"));
    }

    @Test
    void theValidationMessageIsInEnglishWhenAskedFor() {
        officer.get().uri("/api/grid/regions/{code}", "3311").header("Accept-Language", "en").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("code")
                .jsonPath("$.errors[0].message").isEqualTo("must be a region code of 6 or 12 digits");
    }

    @Test
    void upsertingTheCountiesAgainKeepsOneDocumentEachAndRestoresTheirReferenceValues() {
        mongo.updateFirst(Query.query(Criteria.where("code").is("331181")),
                new Update().set("name", "龙泉县").set("note", "kept"), Region.class);

        lishuiCounties.run(null);
        lishuiCounties.run(null);

        assertThat(mongo.count(Query.query(Criteria.where("level").is(RegionLevel.COUNTY)), Region.class)).isEqualTo(9);
        officer.get().uri("/api/grid/regions/{code}", "331181").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("龙泉市");
        assertThat(mongo.getCollection("regions").find(new Document("_id", "331181")).first())
                .containsEntry("note", "kept");
    }
}
