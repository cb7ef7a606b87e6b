package cn.lishui.police.grid.officer;

import java.util.List;
import java.util.Map;

import cn.lishui.police.grid.region.GridLocator;

import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Officers and the assignment rules, over a village and grids of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class OfficerApiTest {

    static final String VILLAGE = "331102001201";
    static final String GRID = VILLAGE + "001";
    static final String OTHER_COUNTY_VILLAGE = "331121101201";

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    GridLocator locator;

    RestTestClient admin;

    @BeforeEach
    void aVillageWithAGrid() {
        admin = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer("admin-1", "ADMIN")).build();
        for (String collection : new String[] {"officers", "village_chiefs", "grid_officers"}) {
            mongo.remove(new Query(), collection); // through the template: the officer roster hears of it
        }
        mongo.getCollection("regions").deleteMany(new Document("level", new Document("$ne", "COUNTY")));
        mongo.getCollection("grids").deleteMany(new Document());
        mongo.getCollection("regions").insertOne(new Document("_id", VILLAGE).append("name", "测试村")
                .append("level", "VILLAGE").append("parentCode", "331102001000"));
        mongo.getCollection("regions").insertOne(new Document("_id", OTHER_COUNTY_VILLAGE).append("name", "他县村")
                .append("level", "VILLAGE").append("parentCode", "331121101000"));
        mongo.getCollection("grids").insertOne(new Document("_id", GRID).append("name", "测试村第1网格")
                .append("type", "RURAL").append("villageCode", VILLAGE).append("townCode", "331102001000")
                .append("countyCode", "331102").append("boundary", new Document("type", "Polygon")
                        .append("coordinates", List.of(List.of(List.of(119.0, 28.0), List.of(119.01, 28.0),
                                List.of(119.01, 28.01), List.of(119.0, 28.01), List.of(119.0, 28.0))))));
        locator.rebuild();
    }

    private String register(String kind, String station) {
        String location = admin.post().uri("/api/grid/officers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "张三", "kind", kind, "stationId", station, "contactPhone", "13812345678"))
                .exchange()
                .expectStatus().isCreated()
                .returnResult().getResponseHeaders().getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private RestTestClient.ResponseSpec appoint(String village, String officer) {
        return admin.put().uri("/api/grid/villages/{code}/chiefs", village).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("officerId", officer)).exchange();
    }

    private RestTestClient.ResponseSpec assign(String grid, String officer) {
        return admin.put().uri("/api/grid/grids/{code}/officer", grid).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("officerId", officer)).exchange();
    }

    @Test
    void aRegisteredOfficerIsReadWithTheContactPhoneMasked() {
        String id = register("POLICE", "station-331102-01");

        http.get().uri("/api/grid/officers/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("c1", "COMMANDER")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.kind").isEqualTo("POLICE")
                .jsonPath("$.countyCode").isEqualTo("331102")
                .jsonPath("$.contactPhone").isEqualTo("138****5678");
    }

    @Test
    void aCitizenCannotReadAnOfficer() {
        String id = register("POLICE", "station-331102-01");

        http.get().uri("/api/grid/officers/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-1", "CITIZEN")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aStationOutsideLishuiIsUnprocessable() {
        admin.post().uri("/api/grid/officers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "张三", "kind", "POLICE", "stationId", "station-330102-01",
                        "contactPhone", "13812345678"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_STATION");
    }

    @Test
    void aVillageHasAtMostTwoChiefsOneOfThemPolice() {
        String auxiliary = register("AUXILIARY", "station-331102-01");
        String otherAuxiliary = register("AUXILIARY", "station-331102-02");
        String police = register("POLICE", "station-331102-01");

        appoint(VILLAGE, auxiliary).expectStatus().isOk();
        appoint(VILLAGE, otherAuxiliary).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CHIEF_PAIR_NEEDS_POLICE");
        appoint(VILLAGE, police).expectStatus().isOk()
                .expectBody().jsonPath("$.chiefs.length()").isEqualTo(2);
        appoint(VILLAGE, register("POLICE", "station-331102-01")).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("VILLAGE_HAS_TWO_CHIEFS");
    }

    @Test
    void aGridHasOneGridOfficer() {
        String first = register("AUXILIARY", "station-331102-01");

        assign(GRID, first).expectStatus().isOk().expectBody().jsonPath("$.officerId").isEqualTo(first);
        assign(GRID, first).expectStatus().isOk();
        assign(GRID, register("POLICE", "station-331102-01")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("GRID_ALREADY_COVERED");
    }

    @Test
    void assignmentsStayInsideTheStationArea() {
        String qingtian = register("POLICE", "station-331121-01");

        appoint(VILLAGE, qingtian).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_STATION_AREA");
        assign(GRID, qingtian).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_STATION_AREA");
        appoint(OTHER_COUNTY_VILLAGE, qingtian).expectStatus().isOk();
    }

    @Test
    void anUnknownOfficerIsANotFoundProblem() {
        assign(GRID, "nobody").expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("OFFICER_NOT_FOUND");
    }

    @Test
    void aLocatedPointShowsItsGridOfficerAndVillageChiefs() {
        String police = register("POLICE", "station-331102-01");
        String auxiliary = register("AUXILIARY", "station-331102-01");
        appoint(VILLAGE, police).expectStatus().isOk();
        appoint(VILLAGE, auxiliary).expectStatus().isOk();
        assign(GRID, auxiliary).expectStatus().isOk();

        http.get().uri("/api/grid/locate?lat=28.005&lng=119.005")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-1", "CITIZEN")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.grid.code").isEqualTo(GRID)
                .jsonPath("$.village.name").isEqualTo("测试村")
                .jsonPath("$.county.code").isEqualTo("331102")
                .jsonPath("$.gridOfficer.id").isEqualTo(auxiliary)
                .jsonPath("$.gridOfficer.contactPhone").isEqualTo("138****5678")
                .jsonPath("$.villageChiefs[*].id").isEqualTo(List.of(police, auxiliary))
                .jsonPath("$.villageChiefs[0].kind").isEqualTo("POLICE");
    }

    @Test
    void anAssignmentShowsInTheNextLocationLookup() {
        String police = register("POLICE", "station-331102-01");
        String auxiliary = register("AUXILIARY", "station-331102-01");
        // located once before the assignments, so any copy of them in memory is taken without them
        locate().jsonPath("$.gridOfficer").doesNotExist().jsonPath("$.villageChiefs.length()").isEqualTo(0);

        assign(GRID, auxiliary).expectStatus().isOk();
        locate().jsonPath("$.gridOfficer.id").isEqualTo(auxiliary).jsonPath("$.villageChiefs.length()").isEqualTo(0);

        appoint(VILLAGE, police).expectStatus().isOk();
        locate().jsonPath("$.gridOfficer.id").isEqualTo(auxiliary).jsonPath("$.villageChiefs[*].id").isEqualTo(List.of(police));

        appoint(VILLAGE, auxiliary).expectStatus().isOk();
        locate().jsonPath("$.villageChiefs[*].id").isEqualTo(List.of(police, auxiliary));
    }

    @Test
    void anOfficerRegisteredJustNowIsKnownByTheirAccount() {
        String account = "officer-" + java.util.UUID.randomUUID();
        RestTestClient officer = http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(account, "GRID_OFFICER")).build();
        officer.get().uri("/api/grid/officers/me/grids").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_AN_OFFICER");

        String location = admin.post().uri("/api/grid/officers").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "李四", "kind", "AUXILIARY", "stationId", "station-331102-01",
                        "contactPhone", "13812345678", "account", account))
                .exchange().expectStatus().isCreated().returnResult().getResponseHeaders().getLocation().toString();
        String id = location.substring(location.lastIndexOf('/') + 1);
        officer.get().uri("/api/grid/officers/me/grids").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);

        assign(GRID, id).expectStatus().isOk();
        officer.get().uri("/api/grid/officers/me/grids").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[*].code").isEqualTo(List.of(GRID));
    }

    @Test
    void aVillageLiaisonShowsAGridOfficerAssignedJustNow() {
        String auxiliary = register("AUXILIARY", "station-331102-01");
        liaison().jsonPath("$.gridOfficers.length()").isEqualTo(0);

        assign(GRID, auxiliary).expectStatus().isOk();
        liaison().jsonPath("$.gridOfficers[0].gridCode").isEqualTo(GRID)
                .jsonPath("$.gridOfficers[0].officerId").isEqualTo(auxiliary)
                .jsonPath("$.gridOfficers[0].phone").isEqualTo("138****5678");
    }

    private RestTestClient.BodyContentSpec locate() {
        return http.get().uri("/api/grid/locate?lat=28.005&lng=119.005")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-1", "CITIZEN")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.grid.code").isEqualTo(GRID);
    }

    private RestTestClient.BodyContentSpec liaison() {
        return http.get().uri("/api/grid/villages/{code}/liaison", VILLAGE)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("c1", "COMMANDER")).exchange()
                .expectStatus().isOk().expectBody();
    }
}
