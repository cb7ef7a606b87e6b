package cn.lishui.police.grid.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import cn.lishui.police.grid.GridFixture;
import cn.lishui.police.grid.region.GridLocator;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Open311 GeoReport v2 (JSON): discovery, services, citizen reports located to a grid, queries, errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class Open311ApiTest {

    static final String VILLAGE = "331126101201";
    static final String CITIZEN = TestTokens.bearer("citizen-311", "CITIZEN");

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    GridLocator locator;

    @BeforeEach
    void aGridInQingyuan() {
        new GridFixture(http, mongo).clear("incidents").village(VILLAGE, "庆元村")
                .grid(VILLAGE + "001", 118.90, 27.60, 118.92, 27.62);
        locator.rebuild();
    }

    static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    RestTestClient.ResponseSpec post(String token, MultiValueMap<String, String> form) {
        return http.post().uri("/open311/v2/requests.json").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange();
    }

    RestTestClient.ResponseSpec get(String token, String uri) {
        RestTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri);
        if (token != null) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, token);
        }
        return spec.exchange();
    }

    @Test
    void discoveryAndServicesAreOpenToAnyone() {
        get(null, "/open311/v2/discovery.json").expectStatus().isOk()
                .expectBody().jsonPath("$.endpoints[0].specification").isEqualTo("http://wiki.open311.org/GeoReport_v2")
                .jsonPath("$.endpoints[0].formats[0]").isEqualTo("application/json");
        get(null, "/open311/v2/services.json").expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(6)
                .jsonPath("$[0].service_code").isEqualTo("theft")
                .jsonPath("$[0].metadata").isEqualTo(true)
                .jsonPath("$[0].type").isEqualTo("realtime");
        get(null, "/open311/v2/services/dispute.json").expectStatus().isOk()
                .expectBody().jsonPath("$.service_code").isEqualTo("dispute")
                .jsonPath("$.attributes[0].code").isEqualTo("dispute_kind")
                .jsonPath("$.attributes[0].datatype").isEqualTo("singlevaluelist")
                .jsonPath("$.attributes[0].required").isEqualTo(true)
                .jsonPath("$.attributes[0].values[0].key").isEqualTo("neighbour");
        get(null, "/open311/v2/services/robbery.json").expectStatus().isNotFound()
                .expectBody().jsonPath("$[0].code").isEqualTo(404)
                .jsonPath("$[0].description").isNotEmpty();
    }

    @Test
    void aCitizenReportsADisputeLocatedToItsGridAndFollowsIt() {
        post(CITIZEN, form("service_code", "dispute", "lat", "27.61", "long", "118.91",
                "description", "邻居装修噪音和漏水纠纷", "attribute[dispute_kind]", "neighbour", "first_name", "小明",
                "last_name", "吴", "phone", "13700007777"))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$[0].service_request_id").value(v -> assertThat((String) v).startsWith("JQ331126"))
                .jsonPath("$[0].token").isNotEmpty();
        org.bson.Document stored = mongo.getCollection("incidents").find().first();
        assertThat(stored.getString("gridCode")).isEqualTo(VILLAGE + "001");
        assertThat(stored.get("reporter", org.bson.Document.class).getString("channel")).isEqualTo("OPEN311");
        assertThat(stored.toJson()).doesNotContain("13700007777");
        String number = stored.getString("number");
        String token = stored.getString("_id");

        get(CITIZEN, "/open311/v2/requests/" + number + ".json").expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].service_request_id").isEqualTo(number)
                .jsonPath("$[0].status").isEqualTo("open")
                .jsonPath("$[0].service_code").isEqualTo("dispute")
                .jsonPath("$[0].address_id").isEqualTo(VILLAGE)
                .jsonPath("$[0].lat").isEqualTo(27.61)
                .jsonPath("$[0].long").isEqualTo(118.91)
                .jsonPath("$[0].requested_datetime").isNotEmpty();
        get(CITIZEN, "/open311/v2/tokens/" + token + ".json").expectStatus().isOk()
                .expectBody().jsonPath("$[0].service_request_id").isEqualTo(number);
        get(CITIZEN, "/open311/v2/requests.json?status=open&service_code=dispute").expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
        get(CITIZEN, "/open311/v2/requests.json?status=closed").expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        get(TestTokens.bearer("citizen-other", "CITIZEN"), "/open311/v2/requests/" + number + ".json")
                .expectStatus().isNotFound().expectBody().jsonPath("$[0].code").isEqualTo(404);
        get(TestTokens.user("p").roles("POLICE").county("331126").bearer(), "/open311/v2/requests.json?service_request_id=" + number)
                .expectStatus().isOk().expectBody().jsonPath("$[0].service_request_id").isEqualTo(number);
    }

    @Test
    void aVillageCodeAsAddressIdLocatesTheReport() {
        post(CITIZEN, form("service_code", "other", "address_id", VILLAGE, "address_string", "庆元村村口",
                "description", "路灯坏了晚上不安全")).expectStatus().isCreated();
        assertThat(mongo.getCollection("incidents").find().first().getString("villageCode")).isEqualTo(VILLAGE);
    }

    @Test
    void malformedFormsAreOpen311ErrorsNot500() {
        post(CITIZEN, form("lat", "27.61", "long", "118.91", "description", "x")).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$[0].code").isEqualTo(400)
                .jsonPath("$[0].description").value(d -> assertThat((String) d).contains("service_code"));
        post(CITIZEN, form("service_code", "arson", "lat", "27.61", "long", "118.91", "description", "x"))
                .expectStatus().isNotFound();
        post(CITIZEN, form("service_code", "theft", "lat", "north", "long", "118.91", "description", "x"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$[0].description").value(d -> assertThat((String) d).contains("lat"));
        post(CITIZEN, form("service_code", "theft", "address_string", "某地", "description", "x"))
                .expectStatus().isBadRequest();
        post(CITIZEN, form("service_code", "theft", "lat", "39.9", "long", "116.4", "description", "x"))
                .expectStatus().isBadRequest();
        post(CITIZEN, form("service_code", "dispute", "lat", "27.61", "long", "118.91", "description", "x"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$[0].description").value(d -> assertThat((String) d).contains("dispute_kind"));
        post(CITIZEN, form("service_code", "dispute", "lat", "27.61", "long", "118.91", "description", "x",
                "attribute[dispute_kind]", "war")).expectStatus().isBadRequest();
        post(CITIZEN, form("service_code", "fraud", "lat", "27.61", "long", "118.91", "description", "x",
                "attribute[amount_yuan]", "lots")).expectStatus().isBadRequest();
        post(CITIZEN, form("service_code", "theft", "lat", "27.61", "long", "118.91", "description", "长".repeat(4001)))
                .expectStatus().isBadRequest();
        post(CITIZEN, form("service_code", "theft", "lat", "27.61", "long", "118.91", "description", "x",
                "jurisdiction_id", "beijing.gov.cn")).expectStatus().isNotFound();
        assertThat(mongo.getCollection("incidents").countDocuments()).isZero();
    }

    @Test
    void aQueryRangeOver90DaysIsRefused() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        get(CITIZEN, "/open311/v2/requests.json?start_date=" + end.minus(91, ChronoUnit.DAYS) + "&end_date=" + end)
                .expectStatus().isBadRequest().expectBody().jsonPath("$[0].code").isEqualTo(400);
        get(CITIZEN, "/open311/v2/requests.json?start_date=yesterday").expectStatus().isBadRequest();
        get(CITIZEN, "/open311/v2/requests.json?status=pending").expectStatus().isBadRequest();
        get(null, "/open311/v2/requests.json").expectStatus().isUnauthorized();
    }
}
