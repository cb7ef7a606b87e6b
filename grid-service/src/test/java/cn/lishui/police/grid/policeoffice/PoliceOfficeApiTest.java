package cn.lishui.police.grid.policeoffice;

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

/** Community police offices (警务室) in towns and villages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class PoliceOfficeApiTest {

    static final String TOWN = "331121105000";
    static final String VILLAGE = "331121105201";

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void aTownWithAVillage() {
        mongo.getCollection("police_offices").deleteMany(new Document());
        mongo.getCollection("regions").deleteMany(new Document("level", new Document("$ne", "COUNTY")));
        mongo.getCollection("regions").insertOne(new Document("_id", TOWN).append("name", "测试镇")
                .append("level", "TOWN").append("parentCode", "331121"));
        mongo.getCollection("regions").insertOne(new Document("_id", VILLAGE).append("name", "测试村")
                .append("level", "VILLAGE").append("parentCode", TOWN));
    }

    static Map<String, Object> office(String region) {
        return new HashMap<>(Map.of("name", "测试村警务室", "regionCode", region, "address", "测试村村委楼一楼",
                "phone", "0578-6812345",
                "functions", List.of("FLOATING_POPULATION_REGISTRATION", "DISPUTE_MEDIATION", "TRAFFIC_VIOLATION_HANDLING"),
                "openingHours", List.of(Map.of("day", "MONDAY", "opens", "08:30", "closes", "17:00")),
                "mediationOrganisationIds", List.of("org-331121-01"), "rescueTeamIds", List.of("rescue-331121-07")));
    }

    RestTestClient.ResponseSpec create(Map<String, Object> body) {
        return http.post().uri("/api/grid/police-offices")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("commander-1", "COMMANDER"))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    @Test
    void aVillagePoliceOfficeIsCreatedAndReadWithItsFunctionsHoursAndStationedTeams() {
        String location = create(office(VILLAGE)).expectStatus().isCreated()
                .expectBody().jsonPath("$.level").isEqualTo("VILLAGE")
                .jsonPath("$.countyCode").isEqualTo("331121")
                .returnResult().getResponseHeaders().getLocation().toString();

        http.get().uri(location).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-1", "CITIZEN")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.functions.length()").isEqualTo(3)
                .jsonPath("$.openingHours[0].day").isEqualTo("MONDAY")
                .jsonPath("$.openingHours[0].opens").isEqualTo("08:30:00")
                .jsonPath("$.mediationOrganisationIds[0]").isEqualTo("org-331121-01")
                .jsonPath("$.rescueTeamIds[0]").isEqualTo("rescue-331121-07");
    }

    @Test
    void officesAreFoundByRegionAndFunction() {
        create(office(VILLAGE)).expectStatus().isCreated();
        Map<String, Object> townOffice = office(TOWN);
        townOffice.put("functions", List.of("HOUSEHOLD_REGISTRATION"));
        create(townOffice).expectStatus().isCreated().expectBody().jsonPath("$.level").isEqualTo("TOWN");

        http.get().uri("/api/grid/police-offices?county=331121&function=DISPUTE_MEDIATION")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-1", "CITIZEN")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(1)
                .jsonPath("$.content[0].regionCode").isEqualTo(VILLAGE);
        http.get().uri("/api/grid/police-offices?regionCode=" + TOWN)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("citizen-1", "CITIZEN")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(1);
    }

    @Test
    void anOfficeIsInATownOrVillageOfTheMap() {
        create(office("331121999201")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("REGION_NOT_FOUND");
        create(office("3311")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("regionCode");
    }

    @Test
    void openingHoursCloseAfterTheyOpen() {
        Map<String, Object> body = office(VILLAGE);
        body.put("openingHours", List.of(Map.of("day", "MONDAY", "opens", "17:00", "closes", "08:30")));

        http.post().uri("/api/grid/police-offices")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("commander-1", "COMMANDER"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_OPENING_HOURS")
                .jsonPath("$.title").isEqualTo("Invalid opening hours");
    }

    @Test
    void anUnknownFunctionIsAnInvalidEnumValue() {
        Map<String, Object> body = office(VILLAGE);
        body.put("functions", List.of("FORTUNE_TELLING"));

        create(body).expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_ENUM_VALUE");
    }

    @Test
    void aGridOfficerCannotCreateAnOffice() {
        http.post().uri("/api/grid/police-offices")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("o-1", "GRID_OFFICER"))
                .contentType(MediaType.APPLICATION_JSON).body(office(VILLAGE)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }
}
