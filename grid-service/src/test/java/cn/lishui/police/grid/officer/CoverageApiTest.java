package cn.lishui.police.grid.officer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The coverage report and an officer's own villages and grids, over a town of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class CoverageApiTest {

    static final String TOWN = "331102002000";
    static final String FULL_VILLAGE = "331102002201";
    static final String SHORT_VILLAGE = "331102002202";

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    RestTestClient admin;

    @BeforeEach
    void aTownWithTwoVillagesAndThreeGrids() {
        admin = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer("admin-1", "ADMIN")).build();
        for (String collection : new String[] {"officers", "village_chiefs", "grid_officers", "grids"}) {
            mongo.getCollection(collection).deleteMany(new Document());
        }
        mongo.getCollection("regions").deleteMany(new Document("level", new Document("$ne", "COUNTY")));
        mongo.getCollection("regions").insertOne(new Document("_id", TOWN).append("name", "测试镇")
                .append("level", "TOWN").append("parentCode", "331102"));
        for (String village : List.of(FULL_VILLAGE, SHORT_VILLAGE)) {
            mongo.getCollection("regions").insertOne(new Document("_id", village).append("name", "村" + village)
                    .append("level", "VILLAGE").append("parentCode", TOWN));
        }
        for (String grid : List.of(FULL_VILLAGE + "001", FULL_VILLAGE + "002", SHORT_VILLAGE + "001")) {
            mongo.getCollection("grids").insertOne(new Document("_id", grid).append("name", "网格" + grid)
                    .append("type", "RURAL").append("villageCode", grid.substring(0, 12)).append("townCode", TOWN)
                    .append("countyCode", "331102"));
        }
    }

    private String register(String kind, String account) {
        return register(kind, account, null);
    }

    private String register(String kind, String account, String nativeVillage) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "李四", "kind", kind, "stationId", "station-331102-01",
                "contactPhone", "13812345678"));
        if (nativeVillage != null) {
            body.put("nativeVillageCode", nativeVillage);
        }
        if (account != null) {
            body.put("account", account);
        }
        String location = admin.post().uri("/api/grid/officers").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated()
                .returnResult().getResponseHeaders().getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void appoint(String village, String officer) {
        admin.put().uri("/api/grid/villages/{code}/chiefs", village).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("officerId", officer)).exchange().expectStatus().isOk();
    }

    private void assign(String grid, String officer) {
        admin.put().uri("/api/grid/grids/{code}/officer", grid).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("officerId", officer)).exchange().expectStatus().isOk();
    }

    @Test
    void theCoverageReportListsVillagesWithoutTwoChiefsAndGridsWithoutAnOfficerPerTown() {
        String police = register("POLICE", null);
        appoint(FULL_VILLAGE, police);
        appoint(FULL_VILLAGE, register("AUXILIARY", null));
        appoint(SHORT_VILLAGE, police);
        assign(FULL_VILLAGE + "001", police);

        http.get().uri("/api/grid/coverage?county=331102")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("c1", "COMMANDER")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.counties.length()").isEqualTo(1)
                .jsonPath("$.counties[0].code").isEqualTo("331102")
                .jsonPath("$.counties[0].villages").isEqualTo(2)
                .jsonPath("$.counties[0].villagesWithTwoChiefs").isEqualTo(1)
                .jsonPath("$.counties[0].grids").isEqualTo(3)
                .jsonPath("$.counties[0].gridsCovered").isEqualTo(1)
                .jsonPath("$.counties[0].towns[0].code").isEqualTo(TOWN)
                .jsonPath("$.counties[0].towns[0].name").isEqualTo("测试镇")
                .jsonPath("$.counties[0].towns[0].villagesWithoutTwoChiefs.length()").isEqualTo(1)
                .jsonPath("$.counties[0].towns[0].villagesWithoutTwoChiefs[0].code").isEqualTo(SHORT_VILLAGE)
                .jsonPath("$.counties[0].towns[0].villagesWithoutTwoChiefs[0].chiefs").isEqualTo(1)
                .jsonPath("$.counties[0].towns[0].gridsWithoutOfficer[0]").isEqualTo(FULL_VILLAGE + "002")
                .jsonPath("$.counties[0].towns[0].gridsWithoutOfficer[1]").isEqualTo(SHORT_VILLAGE + "001");
    }

    @Test
    void chiefsWhoLeadTheVillageTheyComeFromAreCountedPerCounty() {
        String sentHome = register("POLICE", null, FULL_VILLAGE);
        String elsewhere = register("AUXILIARY", null, SHORT_VILLAGE);
        appoint(FULL_VILLAGE, sentHome);
        appoint(FULL_VILLAGE, elsewhere);
        appoint(SHORT_VILLAGE, register("POLICE", null));

        http.get().uri("/api/grid/coverage?county=331102")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("c1", "COMMANDER")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.counties[0].chiefsFromTheirVillage").isEqualTo(1);
    }

    @Test
    void anUnknownCountyIsNotFoundAndAMalformedOneIsBadRequest() {
        http.get().uri("/api/grid/coverage?county=330102")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("c1", "COMMANDER"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("REGION_NOT_FOUND")
                .jsonPath("$.title").isEqualTo("Region not found");
        http.get().uri("/api/grid/coverage?county=33")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("c1", "COMMANDER")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aCitizenCannotReadTheCoverageReport() {
        http.get().uri("/api/grid/coverage")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-1", "CITIZEN")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void anOfficerListsTheirOwnVillagesAndGridsByAccount() {
        String officer = register("POLICE", "user-42");
        appoint(SHORT_VILLAGE, officer);
        assign(SHORT_VILLAGE + "001", officer);
        assign(FULL_VILLAGE + "002", officer);
        String token = TestTokens.bearer("user-42", "GRID_OFFICER");

        http.get().uri("/api/grid/officers/me/villages").header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].code").isEqualTo(SHORT_VILLAGE);
        http.get().uri("/api/grid/officers/me/grids").header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].code").isEqualTo(FULL_VILLAGE + "002")
                .jsonPath("$[1].code").isEqualTo(SHORT_VILLAGE + "001");
    }

    @Test
    void anOfficerIdAsTheTokenSubjectAlsoFindsTheirGrids() {
        String officer = register("AUXILIARY", null);
        assign(FULL_VILLAGE + "001", officer);

        http.get().uri("/api/grid/officers/me/grids")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(officer, "GRID_OFFICER")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].code").isEqualTo(FULL_VILLAGE + "001");
    }

    @Test
    void aTokenThatIsNoOfficerGetsNotAnOfficer() {
        http.get().uri("/api/grid/officers/me/grids")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("nobody", "GRID_OFFICER")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_AN_OFFICER")
                .jsonPath("$.title").isEqualTo("不是在册警员");
    }
}
