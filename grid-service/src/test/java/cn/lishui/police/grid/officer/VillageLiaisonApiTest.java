package cn.lishui.police.grid.officer;

import cn.lishui.police.grid.GridFixture;
import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Contract 2: the police liaison of a village, for mediation-service and overseas-service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class VillageLiaisonApiTest {

    static final String VILLAGE = "331125101201";

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    String police;
    String auxiliary;

    @BeforeEach
    void aVillageWithTwoChiefsAndOneOfTwoGridsCovered() {
        GridFixture fixture = new GridFixture(http, mongo).clear().village(VILLAGE, "联络村")
                .grid(VILLAGE + "001", 119.50, 28.00, 119.51, 28.01)
                .grid(VILLAGE + "002", 119.51, 28.00, 119.52, 28.01);
        police = fixture.officer("陈民警", "POLICE", "station-331125-01", "13900001111", null);
        auxiliary = fixture.officer("叶辅警", "AUXILIARY", "station-331125-01", "13900002222", null);
        fixture.chief(VILLAGE, police).chief(VILLAGE, auxiliary).gridOfficer(VILLAGE + "001", auxiliary);
    }

    RestTestClient.ResponseSpec liaison(String token, String code) {
        return http.get().uri("/api/grid/villages/{code}/liaison", code).header(HttpHeaders.AUTHORIZATION, token)
                .exchange();
    }

    @Test
    void aServiceGetsTheChiefsAndGridOfficersWithMaskedPhones() {
        liaison(TestTokens.bearer("mediation-service", "SERVICE"), VILLAGE)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.villageCode").isEqualTo(VILLAGE)
                .jsonPath("$.villageName").isEqualTo("联络村")
                .jsonPath("$.townCode").isEqualTo("331125101000")
                .jsonPath("$.countyCode").isEqualTo("331125")
                .jsonPath("$.chiefs.length()").isEqualTo(2)
                .jsonPath("$.chiefs[0].officerId").isEqualTo(police)
                .jsonPath("$.chiefs[0].name").isEqualTo("陈民警")
                .jsonPath("$.chiefs[0].kind").isEqualTo("POLICE")
                .jsonPath("$.chiefs[0].stationId").isEqualTo("station-331125-01")
                .jsonPath("$.chiefs[0].phone").isEqualTo("139****1111")
                .jsonPath("$.gridOfficers.length()").isEqualTo(1)
                .jsonPath("$.gridOfficers[0].gridCode").isEqualTo(VILLAGE + "001")
                .jsonPath("$.gridOfficers[0].gridName").isEqualTo("网格001")
                .jsonPath("$.gridOfficers[0].officerId").isEqualTo(auxiliary)
                .jsonPath("$.gridOfficers[0].kind").isEqualTo("AUXILIARY")
                .jsonPath("$.gridOfficers[0].phone").isEqualTo("139****2222");
    }

    @Test
    void aMediatorMaySeeIt() {
        liaison(TestTokens.user("mediator-1").roles("MEDIATOR").county("331125").bearer(), VILLAGE)
                .expectStatus().isOk();
    }

    @Test
    void aTownOrAnUnknownCodeIsNotAVillage() {
        liaison(TestTokens.bearer("overseas-service", "SERVICE"), "331125101000")
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("VILLAGE_NOT_FOUND");
        liaison(TestTokens.bearer("overseas-service", "SERVICE"), "331125101299")
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("VILLAGE_NOT_FOUND");
    }

    @Test
    void aMalformedCodeIsBadRequest() {
        liaison(TestTokens.bearer("overseas-service", "SERVICE"), "33112510120")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void citizensAndCompatriotsMayNot() {
        liaison(TestTokens.bearer("citizen-1", "CITIZEN"), VILLAGE).expectStatus().isForbidden();
        liaison(TestTokens.bearer("compatriot-1", "COMPATRIOT"), VILLAGE).expectStatus().isForbidden();
        http.get().uri("/api/grid/villages/{code}/liaison", VILLAGE).exchange().expectStatus().isUnauthorized();
    }
}
