package cn.lishui.police.grid.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.platform.personaldata.RevealRecord;
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

/** Residents and floating population: protected identifiers, area rules, expiry list, audited lookups. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class ResidentApiTest {

    static final String LIANDU_VILLAGE = "331102003201";
    static final String LIANDU_OTHER_VILLAGE = "331102003202";
    static final String QINGTIAN_VILLAGE = "331121103201";
    static final String ID_CARD = idCard("33112119900307123");
    static final String OTHER_ID_CARD = idCard("33110219850101456");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    /** A GB 11643 number: 17 digits and the ISO 7064 MOD 11-2 check character. */
    static String idCard(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    @BeforeEach
    void villagesInTwoCounties() {
        mongo.getCollection("residents").deleteMany(new Document());
        mongo.getCollection(mongo.getCollectionName(RevealRecord.class)).deleteMany(new Document());
        mongo.getCollection("grids").deleteMany(new Document());
        mongo.getCollection("regions").deleteMany(new Document("level", new Document("$ne", "COUNTY")));
        for (String village : List.of(LIANDU_VILLAGE, LIANDU_OTHER_VILLAGE, QINGTIAN_VILLAGE)) {
            mongo.getCollection("regions").insertOne(new Document("_id", village).append("name", "村" + village)
                    .append("level", "VILLAGE").append("parentCode", village.substring(0, 9) + "000"));
        }
        mongo.getCollection("grids").insertOne(new Document("_id", LIANDU_VILLAGE + "001").append("name", "第1网格")
                .append("type", "RURAL").append("villageCode", LIANDU_VILLAGE)
                .append("townCode", "331102003000").append("countyCode", "331102"));
    }

    static String officerOf(String county) {
        return TestTokens.user("officer-" + county).roles("GRID_OFFICER").county(county).bearer();
    }

    static String police(String county) {
        return TestTokens.user("police-" + county).roles("POLICE").county(county).bearer();
    }

    static Map<String, Object> floating(String idCard, String village, LocalDate expiry) {
        Map<String, Object> body = new HashMap<>(Map.of("idCardNumber", idCard, "name", "王五", "phone", "13912345678",
                "address", "丽水市莲都区测试路8号", "villageCode", village, "moveInDate", TODAY.minusMonths(3).toString(),
                "kind", "FLOATING"));
        if (expiry != null) {
            body.put("registrationExpiry", expiry.toString());
        }
        return body;
    }

    RestTestClient.ResponseSpec register(String token, Map<String, Object> body) {
        return http.post().uri("/api/grid/residents").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    String registered(String token, Map<String, Object> body) {
        String location = register(token, body).expectStatus().isCreated()
                .returnResult().getResponseHeaders().getLocation().toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aRegisteredResidentShowsIdCardPhoneAndAddressMaskedAndStoresThemEncrypted() {
        register(officerOf("331102"), floating(ID_CARD, LIANDU_VILLAGE, TODAY.plusDays(10)))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.idCardNumber").isEqualTo("3311**********" + ID_CARD.substring(14))
                .jsonPath("$.phone").isEqualTo("139****5678")
                .jsonPath("$.countyCode").isEqualTo("331102")
                .jsonPath("$.kind").isEqualTo("FLOATING");

        String stored = mongo.getCollection("residents").find().first().toJson();
        assertThat(stored).doesNotContain(ID_CARD).doesNotContain("13912345678").doesNotContain("测试路");
    }

    @Test
    void aGridCodeGivesTheVillage() {
        Map<String, Object> body = floating(ID_CARD, LIANDU_VILLAGE, TODAY.plusDays(10));
        body.remove("villageCode");
        body.put("gridCode", LIANDU_VILLAGE + "001");

        register(officerOf("331102"), body).expectStatus().isCreated()
                .expectBody().jsonPath("$.villageCode").isEqualTo(LIANDU_VILLAGE);
    }

    @Test
    void aWrongCheckDigitIsAnInvalidIdCardNumber() {
        String wrong = ID_CARD.substring(0, 17) + (ID_CARD.endsWith("1") ? "2" : "1");

        register(officerOf("331102"), floating(wrong, LIANDU_VILLAGE, TODAY.plusDays(10)))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_ID_CARD_NUMBER");
        assertThat(mongo.getCollection("residents").countDocuments()).isZero();
    }

    @Test
    void aFloatingResidentNeedsARegistrationExpiry() {
        http.post().uri("/api/grid/residents").header(HttpHeaders.AUTHORIZATION, officerOf("331102"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
                .body(floating(ID_CARD, LIANDU_VILLAGE, null)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("REGISTRATION_EXPIRY_REQUIRED")
                .jsonPath("$.title").isEqualTo("Registration expiry required");
    }

    @Test
    void thePersonIsRegisteredOncePerVillage() {
        registered(officerOf("331102"), floating(ID_CARD, LIANDU_VILLAGE, TODAY.plusDays(10)));

        register(officerOf("331102"), floating(ID_CARD, LIANDU_VILLAGE, TODAY.plusDays(20)))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("RESIDENT_ALREADY_REGISTERED")
                .jsonPath("$.title").isEqualTo("该人员已在本村登记");
        register(officerOf("331102"), floating(ID_CARD, LIANDU_OTHER_VILLAGE, TODAY.plusDays(20)))
                .expectStatus().isCreated();
    }

    @Test
    void aGridOfficerRegistersAndSeesResidentsOfTheirCountyOnly() {
        register(officerOf("331121"), floating(ID_CARD, LIANDU_VILLAGE, TODAY.plusDays(10)))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_CALLER_AREA");
        String id = registered(officerOf("331102"), floating(ID_CARD, LIANDU_VILLAGE, TODAY.plusDays(10)));

        http.get().uri("/api/grid/residents/{id}", id).header(HttpHeaders.AUTHORIZATION, officerOf("331121"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("RESIDENT_NOT_FOUND");
        http.get().uri("/api/grid/residents/{id}", id).header(HttpHeaders.AUTHORIZATION, officerOf("331102"))
                .exchange().expectStatus().isOk();
        http.get().uri("/api/grid/residents/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("commander-1", "COMMANDER"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aCitizenCannotRegisterResidents() {
        register(TestTokens.bearer("citizen-1", "CITIZEN"), floating(ID_CARD, LIANDU_VILLAGE, TODAY.plusDays(10)))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void expiringListsFloatingRegistrationsWithinTheDaysInTheCallersCounty() {
        registered(officerOf("331102"), floating(ID_CARD, LIANDU_VILLAGE, TODAY.plusDays(5)));
        registered(officerOf("331102"), floating(OTHER_ID_CARD, LIANDU_VILLAGE, TODAY.plusDays(60)));
        registered(officerOf("331121"), floating(ID_CARD, QINGTIAN_VILLAGE, TODAY.plusDays(3)));
        Map<String, Object> settled = floating(OTHER_ID_CARD, LIANDU_OTHER_VILLAGE, null);
        settled.put("kind", "RESIDENT");
        registered(officerOf("331102"), settled);

        http.get().uri("/api/grid/residents/expiring?days=30").header(HttpHeaders.AUTHORIZATION, officerOf("331102"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page.totalElements").isEqualTo(1)
                .jsonPath("$.content[0].villageCode").isEqualTo(LIANDU_VILLAGE)
                .jsonPath("$.content[0].registrationExpiry").isEqualTo(TODAY.plusDays(5).toString());
        http.get().uri("/api/grid/residents/expiring?days=30")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("commander-1", "COMMANDER"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.page.totalElements").isEqualTo(2)
                .jsonPath("$.content[0].villageCode").isEqualTo(QINGTIAN_VILLAGE);
        http.get().uri("/api/grid/residents/expiring?days=9999").header(HttpHeaders.AUTHORIZATION, officerOf("331102"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_DAYS");
    }

    @Test
    void policeLookUpAnIdCardNumberThroughTheBlindIndexAndTheLookupIsAudited() {
        registered(officerOf("331102"), floating(ID_CARD, LIANDU_VILLAGE, TODAY.plusDays(5)));
        registered(officerOf("331121"), floating(ID_CARD, QINGTIAN_VILLAGE, TODAY.plusDays(5)));
        registered(officerOf("331102"), floating(OTHER_ID_CARD, LIANDU_VILLAGE, TODAY.plusDays(5)));

        http.post().uri("/api/grid/residents/lookup").header(HttpHeaders.AUTHORIZATION, police("331102"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("idCardNumber", ID_CARD, "purpose", "案件核查 2026-118")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].idCardNumber").isEqualTo("3311**********" + ID_CARD.substring(14));
        assertThat(mongo.getCollection(mongo.getCollectionName(RevealRecord.class))
                .countDocuments(new Document("purpose", "案件核查 2026-118"))).isEqualTo(2);
    }

    @Test
    void aLookupWithoutAPurposeIsRefusedAndAGridOfficerMayNotLookUp() {
        http.post().uri("/api/grid/residents/lookup").header(HttpHeaders.AUTHORIZATION, police("331102"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("idCardNumber", ID_CARD)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("PERSONAL_DATA_PURPOSE_REQUIRED");
        http.post().uri("/api/grid/residents/lookup").header(HttpHeaders.AUTHORIZATION, officerOf("331102"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("idCardNumber", ID_CARD, "purpose", "案件核查")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aLookupWithoutAHitIsAuditedToo() {
        http.post().uri("/api/grid/residents/lookup").header(HttpHeaders.AUTHORIZATION, police("331102"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("idCardNumber", ID_CARD, "purpose", "盘查核实身份")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        assertThat(mongo.getCollection(mongo.getCollectionName(RevealRecord.class)).countDocuments()).isEqualTo(1);
    }

    @Test
    void policeRevealTheIdCardNumberWithAPurposeAndAGridOfficerCannot() {
        String id = registered(officerOf("331102"), floating(ID_CARD, LIANDU_VILLAGE, TODAY.plusDays(5)));

        http.get().uri("/api/grid/residents/{id}/id-card?purpose=户籍核对", id)
                .header(HttpHeaders.AUTHORIZATION, police("331102")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.idCardNumber").isEqualTo(ID_CARD);
        http.get().uri("/api/grid/residents/{id}/id-card", id)
                .header(HttpHeaders.AUTHORIZATION, police("331102")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("PERSONAL_DATA_PURPOSE_REQUIRED");
        http.get().uri("/api/grid/residents/{id}/id-card?purpose=户籍核对", id)
                .header(HttpHeaders.AUTHORIZATION, officerOf("331102")).exchange()
                .expectStatus().isForbidden();
        assertThat(mongo.getCollection(mongo.getCollectionName(RevealRecord.class)).countDocuments()).isEqualTo(1);
    }

    @Test
    void aGridOfAnotherVillageIsUnprocessable() {
        Map<String, Object> body = floating(ID_CARD, LIANDU_OTHER_VILLAGE, TODAY.plusDays(10));
        body.put("gridCode", LIANDU_VILLAGE + "001");

        register(officerOf("331102"), body).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("GRID_NOT_IN_VILLAGE");
    }

    @Test
    void aGridOfficerWithoutACountyClaimHasNoArea() {
        register(TestTokens.bearer("officer-x", "GRID_OFFICER"), floating(ID_CARD, LIANDU_VILLAGE, TODAY.plusDays(10)))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("NO_CALLER_AREA");
    }
}
