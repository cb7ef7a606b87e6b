package cn.lishui.police.overseas.compatriot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.lishui.police.overseas.support.ApiTestSupport;
import cn.lishui.police.overseas.support.IdCards;
import cn.lishui.police.overseas.support.Providers;
import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.test.SelectedMongo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class CompatriotApiTest extends ApiTestSupport {

    private static final String COMPATRIOTS = "/api/overseas/compatriots";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    VillageVerificationQueue villageQueue;

    @Test
    void aCompatriotRegistersThemselfWithASealedMaskedPassportAndAVerifiedVillage() {
        String station = openStation();
        String subject = "compatriot-" + unique();
        Map<String, Object> body = registration(station);
        body.put("passportNumber", "e12345678".replace("12345678", passport().substring(1)));
        body.put("idCardNumber", IdCards.valid(17));
        body.put("phone", "+39 333 1234567");
        String passport = ((String) body.get("passportNumber")).toUpperCase();

        JsonNode created = post(COMPATRIOTS, compatriot(subject), body);

        assertThat(created.path("passportNumber").asString())
                .isEqualTo(passport.substring(0, 2) + "*****" + passport.substring(7));
        assertThat(created.path("idCardNumber").asString()).isEqualTo("3311**********" + IdCards.valid(17).substring(14));
        assertThat(created.path("phone").asString()).startsWith("+39").doesNotContain("1234567");
        assertThat(created.path("villageStatus").asString()).isEqualTo("VERIFIED");
        assertThat(created.path("homeVillageName").asString()).isEqualTo("鹤城街道测试村");
        assertThat(created.path("registeredVia").asString()).isEqualTo("SELF");
        assertThat(created.path("hasAccount").asBoolean()).isTrue();

        assertThat(get(COMPATRIOTS + "/me", compatriot(subject)).path("id").asString())
                .isEqualTo(created.path("id").asString());
        Compatriot stored = mongo.findById(created.path("id").asString(), Compatriot.class);
        assertThat(stored.passport().ciphertext()).doesNotContain(passport);
        assertThat(stored.passport().blindIndex()).isNotBlank();
        assertThat(stored.subject()).isEqualTo(subject);
    }

    @Test
    void malformedPassportAndIdCardNumbersAre400Problems() {
        String station = openStation();
        Map<String, Object> body = registration(station);
        body.put("passportNumber", "X1234");
        http.post().uri(COMPATRIOTS).header(HttpHeaders.AUTHORIZATION, compatriot("c-" + unique()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_PASSPORT_NUMBER")
                .jsonPath("$.title").isEqualTo("Invalid passport number");

        body.put("passportNumber", passport());
        String valid = IdCards.valid(5);
        // the same number with a wrong check character
        body.put("idCardNumber", valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1'));
        http.post().uri(COMPATRIOTS).header(HttpHeaders.AUTHORIZATION, compatriot("c-" + unique()))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_ID_CARD_NUMBER");

        // a foreign passport follows ICAO 9303, not the Chinese format
        body.remove("idCardNumber");
        body.put("passportCountry", "IT");
        body.put("passportNumber", "YA" + passport().substring(2, 9));
        post(COMPATRIOTS, compatriot("c-" + unique()), body);
    }

    @Test
    void aPassportAndAnAccountAreRegisteredOnce() {
        String station = openStation();
        String subject = "c-" + unique();
        Map<String, Object> body = registration(station);
        post(COMPATRIOTS, compatriot(subject), body);

        http.post().uri(COMPATRIOTS).header(HttpHeaders.AUTHORIZATION, compatriot("c-" + unique()))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("PASSPORT_ALREADY_REGISTERED");
        Map<String, Object> again = registration(station);
        http.post().uri(COMPATRIOTS).header(HttpHeaders.AUTHORIZATION, compatriot(subject))
                .contentType(MediaType.APPLICATION_JSON).body(again).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("COMPATRIOT_ALREADY_REGISTERED");
    }

    @Test
    void anUnknownVillageOrStationIsRefused() {
        String station = openStation();
        Map<String, Object> body = registration(station);
        body.put("homeVillageCode", "331121999999");
        http.post().uri(COMPATRIOTS).header(HttpHeaders.AUTHORIZATION, compatriot("c-" + unique()))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VILLAGE_NOT_FOUND")
                .jsonPath("$.detail").isEqualTo("代码 331121999999 不是丽水的行政村（社区）。");

        body.put("homeVillageCode", "12345");
        http.post().uri(COMPATRIOTS).header(HttpHeaders.AUTHORIZATION, compatriot("c-" + unique()))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("homeVillageCode");

        Map<String, Object> elsewhere = registration("no-such-station");
        http.post().uri(COMPATRIOTS).header(HttpHeaders.AUTHORIZATION, compatriot("c-" + unique()))
                .contentType(MediaType.APPLICATION_JSON).body(elsewhere).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("STATION_NOT_FOUND");
    }

    @Test
    void whenGridIsDownTheRegistrationIsAcceptedUnverifiedAndVerifiedLater() {
        String station = openStation();
        JsonNode created;
        Providers.GRID.down(true);
        try {
            created = registerSelf("c-" + unique(), station);
        } finally {
            Providers.GRID.down(false);
        }
        String id = created.path("id").asString();
        assertThat(created.path("villageStatus").asString()).isEqualTo("UNVERIFIED");
        Compatriot stored = mongo.findById(id, Compatriot.class);
        assertThat(stored.villageCheck().status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(stored.villageCheck().attempts()).isEqualTo(1);
        assertThat(villageQueue.due(Instant.now().plus(Duration.ofMinutes(10)), 1000)).contains(id);
        assertThat(villageQueue.backlog()).isPositive();

        assertThat(villageQueue.redeliver(id)).isEqualTo(Delivery.Outcome.DELIVERED);

        JsonNode verified = get(COMPATRIOTS + "/" + id, staffOf(station));
        assertThat(verified.path("villageStatus").asString()).isEqualTo("VERIFIED");
        assertThat(verified.path("homeVillageName").asString()).isEqualTo("鹤城街道测试村");
        assertThat(villageQueue.redeliver(id)).isEqualTo(Delivery.Outcome.SKIPPED);
        assertThat(villageQueue.due(Instant.now().plus(Duration.ofMinutes(10)), 1000)).doesNotContain(id);
    }

    @Test
    void aVillageFoundUnknownOnReverificationIsMarkedForTheStaffToCorrect() {
        String station = openStation();
        Map<String, Object> body = registration(station);
        body.put("homeVillageCode", "331121888888");
        JsonNode created;
        Providers.GRID.down(true);
        try {
            created = post(COMPATRIOTS, compatriot("c-" + unique()), body);
            assertThat(villageQueue.redeliver(created.path("id").asString())).isEqualTo(Delivery.Outcome.RETRY);
        } finally {
            Providers.GRID.down(false);
        }
        String id = created.path("id").asString();
        assertThat(mongo.findById(id, Compatriot.class).villageCheck().attempts()).isEqualTo(2);

        assertThat(villageQueue.redeliver(id)).isEqualTo(Delivery.Outcome.REJECTED);
        assertThat(get(COMPATRIOTS + "/" + id, staffOf(station)).path("villageStatus").asString())
                .isEqualTo("NOT_FOUND");

        // the staff correct it: checked again at once
        http.post().uri(COMPATRIOTS + "/" + id + "/actions/correct-village")
                .header(HttpHeaders.AUTHORIZATION, staffOf(station)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("homeVillageCode", "331121777777")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("VILLAGE_NOT_FOUND");
        http.post().uri(COMPATRIOTS + "/" + id + "/actions/correct-village")
                .header(HttpHeaders.AUTHORIZATION, staffOf(station)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("homeVillageCode", "331121002003")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.villageStatus").isEqualTo("VERIFIED")
                .jsonPath("$.homeVillageCode").isEqualTo("331121002003")
                .jsonPath("$.homeVillageName").isEqualTo("温溪镇测试村");
        assertThat(mongo.findById(id, Compatriot.class).villageCheck()).isNull();
    }

    @Test
    void stationStaffRegisterACompatriotWithTheirFamilyOnlyWithConsent() {
        String station = openStation();
        Map<String, Object> body = registration(station);
        body.put("family", List.of(Map.of("relation", "MOTHER", "name", "林秀英", "age", 82, "livesAlone", true,
                "note", "独居，腿脚不便")));

        http.post().uri(COMPATRIOTS).header(HttpHeaders.AUTHORIZATION, staffOf(station))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("FAMILY_CONSENT_REQUIRED");

        body.put("familyConsent", true);
        body.put("consentStatement", "本人同意驿站登记家属信息并请家乡民警走访");
        JsonNode created = post(COMPATRIOTS, staffOf(station), body);
        assertThat(created.path("registeredVia").asString()).isEqualTo("STATION");
        assertThat(created.path("hasAccount").asBoolean()).isFalse();
        assertThat(created.path("family").get(0).path("name").asString()).isEqualTo("林**");
        assertThat(created.path("family").get(0).path("age").asInt()).isEqualTo(82);
        assertThat(created.path("familyConsent").path("given").asBoolean()).isTrue();
        // many compatriots without an account of their own: the account is unique only where there is one
        assertThat(post(COMPATRIOTS, staffOf(station), registration(station)).path("hasAccount").asBoolean())
                .isFalse();

        // staff of another station cannot register at this one
        http.post().uri(COMPATRIOTS).header(HttpHeaders.AUTHORIZATION, staffOf(openStation()))
                .contentType(MediaType.APPLICATION_JSON).body(registration(station)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void othersDoNotSeeACompatriotAndThePoliceRevealThePassportWithAPurpose() {
        String station = openStation();
        String subject = "c-" + unique();
        Map<String, Object> body = registration(station);
        String passport = (String) body.get("passportNumber");
        String id = post(COMPATRIOTS, compatriot(subject), body).path("id").asString();

        http.get().uri(COMPATRIOTS + "/" + id).header(HttpHeaders.AUTHORIZATION, compatriot("c-" + unique()))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("COMPATRIOT_NOT_FOUND");
        http.get().uri(COMPATRIOTS + "/" + id).header(HttpHeaders.AUTHORIZATION, staffOf(openStation())).exchange()
                .expectStatus().isNotFound();
        http.get().uri(COMPATRIOTS + "?size=200").header(HttpHeaders.AUTHORIZATION, staffOf(station)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].id").isEqualTo(List.of(id));
        http.get().uri(COMPATRIOTS + "/" + id + "/passport").header(HttpHeaders.AUTHORIZATION, compatriot(subject))
                .exchange()
                .expectStatus().isForbidden();
        http.get().uri(COMPATRIOTS + "/" + id + "/passport").header(HttpHeaders.AUTHORIZATION, HOME_POLICE)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("PERSONAL_DATA_PURPOSE_REQUIRED");
        http.get().uri(COMPATRIOTS + "/" + id + "/passport?purpose=核实代办身份")
                .header(HttpHeaders.AUTHORIZATION, HOME_POLICE).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.passportNumber").isEqualTo(passport);
    }
}
