package cn.lishui.police.mediation.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.lishui.police.mediation.MediationApiTestBase;
import cn.lishui.police.platform.test.TestTokens;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

class OrganisationApiTest extends MediationApiTestBase {

    private static final String PATH = "/api/mediation/organisations";
    private static final String JINYUN = "331122";
    private static final String LONGQUAN = "331181";

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    /** An administrator: registers organisations and sees every county. */
    RestTestClient admin;

    @BeforeEach
    void signIn() {
        admin = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer("admin-1", "ADMIN")).build();
    }

    @Test
    void registeringAnOrganisationAnswers201WithItsLocationAndItReadsBack() {
        String name = unique("壶镇正道讲和调解委员会");
        Map<String, Object> body = organisation(name, "PEOPLES_MEDIATION_COMMITTEE", JINYUN);
        body.put("villageCode", "331122101203");
        body.put("phone", "0578-3123456");
        Instant before = Instant.now();

        EntityExchangeResult<byte[]> created = admin.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.name").isEqualTo(name)
                .returnResult();
        URI location = created.getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        assertThat(location.getPath()).startsWith(PATH + "/");

        admin.get().uri(location.getPath()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(location.getPath().substring(PATH.length() + 1))
                .jsonPath("$.name").isEqualTo(name)
                .jsonPath("$.kind").isEqualTo("PEOPLES_MEDIATION_COMMITTEE")
                .jsonPath("$.countyCode").isEqualTo(JINYUN)
                .jsonPath("$.villageCode").isEqualTo("331122101203")
                .jsonPath("$.phone").isEqualTo("0578-3123456")
                .jsonPath("$.createdBy").isEqualTo("admin-1")
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.createdAt").value(String.class,
                        createdAt -> assertThat(Instant.parse(createdAt)).isAfterOrEqualTo(before.minusSeconds(1)))
                .jsonPath("$.updatedAt").isNotEmpty();
    }

    @Test
    void serverOwnedFieldsInTheBodyAreIgnoredAndTheRegistrarIsTheCaller() {
        String name = unique("青田县侨界调解中心");
        String chosenId = new ObjectId().toHexString();
        Map<String, Object> body = organisation(name, "INDUSTRY_PROFESSIONAL", "331121");
        body.put("id", chosenId);
        body.put("createdAt", "2000-01-01T00:00:00Z");
        body.put("updatedAt", "2000-01-01T00:00:00Z");
        body.put("version", 7);
        body.put("createdBy", "someone-else");

        admin.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.id").value(String.class, id -> assertThat(id).isNotEqualTo(chosenId))
                .jsonPath("$.createdBy").isEqualTo("admin-1")
                .jsonPath("$.createdAt").value(String.class,
                        createdAt -> assertThat(Instant.parse(createdAt)).isAfter(Instant.parse("2020-01-01T00:00:00Z")))
                .jsonPath("$.version").isEqualTo(0);

        admin.get().uri(PATH + "/{id}", chosenId).exchange().expectStatus().isNotFound();
        Organisation stored = mongo.findOne(Query.query(Criteria.where("name").is(name)), Organisation.class);
        assertThat(stored).isNotNull();
        assertThat(stored.createdBy()).isEqualTo("admin-1");
    }

    @Test
    void theListIsPagedAndFilteredByCounty() {
        String tag = UUID.randomUUID().toString();
        String first = register(organisation("缙云县矛调中心 " + tag, "GOVERNANCE_CENTRE", JINYUN));
        String second = register(organisation("缙云县110联动调解中心 " + tag, "INCIDENT_LINKAGE_CENTRE", JINYUN));
        String elsewhere = register(organisation("龙泉市商会调解中心 " + tag, "CHAMBER_OF_COMMERCE", LONGQUAN));

        admin.get().uri(PATH + "?countyCode={county}&sort=createdAt,desc&size=50", JINYUN).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page.size").isEqualTo(50)
                .jsonPath("$.page.number").isEqualTo(0)
                .jsonPath("$.page.totalElements").value(Integer.class, total -> assertThat(total).isGreaterThanOrEqualTo(2))
                .jsonPath("$.content[*].countyCode").value(List.class,
                        counties -> assertThat(counties).isNotEmpty().containsOnly(JINYUN))
                .jsonPath("$.content[*].id").value(List.class,
                        ids -> assertThat(ids).contains(first, second).doesNotContain(elsewhere));

        admin.get().uri(PATH + "?countyCode={county}&size=1", JINYUN).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(1)
                .jsonPath("$.page.size").isEqualTo(1)
                .jsonPath("$.page.totalPages").value(Integer.class, pages -> assertThat(pages).isGreaterThanOrEqualTo(2));

        admin.get().uri(PATH + "?sort=createdAt,desc&size=50").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].id").value(List.class, ids -> assertThat(ids).contains(first, second, elsewhere));
    }

    @Test
    void aCountyFilterThatIsNotALishuiCountyIsAValidationProblem() {
        admin.get().uri(PATH + "?countyCode=331100").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("countyCode");
    }

    @Test
    void anUnknownOrganisationIsANotFoundProblem() {
        admin.get().uri(PATH + "/{id}", new ObjectId().toHexString()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("ORGANISATION_NOT_FOUND")
                .jsonPath("$.title").isEqualTo("调解组织不存在");
    }

    @Test
    void theNotFoundProblemIsInEnglishWhenAskedFor() {
        admin.get().uri(PATH + "/{id}", new ObjectId().toHexString()).header("Accept-Language", "en").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.code").isEqualTo("ORGANISATION_NOT_FOUND")
                .jsonPath("$.title").isEqualTo("Mediation organisation not found")
                .jsonPath("$.detail").isEqualTo("The mediation organisation asked for does not exist.");
    }

    @Test
    void anInvalidBodyIsAValidationProblemNamingEachField() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", " ");
        body.put("countyCode", "331100");
        body.put("villageCode", "3311221012");
        body.put("phone", "12345");

        admin.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields)
                        .containsExactlyInAnyOrder("name", "kind", "countyCode", "villageCode", "phone"));
        assertThat(mongo.count(Query.query(Criteria.where("countyCode").is("331100")), Organisation.class)).isZero();
    }

    @Test
    void validationMessagesAreInEnglishWhenAskedFor() {
        Map<String, Object> body = organisation(unique("x"), "LAWYER_MEDIATION", "110101");

        admin.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en").body(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Validation failed")
                .jsonPath("$.errors[0].field").isEqualTo("countyCode")
                .jsonPath("$.errors[0].message").isEqualTo("must be the code of one of the 9 county-level divisions of Lishui");
    }

    @Test
    void anUnknownKindIsAnInvalidEnumProblem() {
        admin.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .body(organisation(unique("x"), "TEA_HOUSE", JINYUN)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_ENUM_VALUE")
                .jsonPath("$.errors[0].field").isEqualTo("kind");
    }

    @Test
    void aVillageOutsideTheCountyIsUnprocessable() {
        Map<String, Object> body = organisation(unique("跨县调解室"), "POLICE_STATION_ROOM", JINYUN);
        body.put("villageCode", "331181101001");

        admin.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VILLAGE_OUTSIDE_COUNTY");
    }

    @Test
    void aRepeatedPostWithTheSameIdempotencyKeyReturnsTheSameOrganisation() {
        String name = unique("石练镇乡音调解队");
        Map<String, Object> body = organisation(name, "PEOPLES_MEDIATION_COMMITTEE", "331123");
        String key = UUID.randomUUID().toString();

        EntityExchangeResult<byte[]> first = admin.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).body(body).exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult();
        EntityExchangeResult<byte[]> second = admin.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).body(body).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotency-Replayed", "true")
                .expectBody().returnResult();

        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(second.getResponseBodyContent()).isEqualTo(first.getResponseBodyContent());
        assertThat(mongo.count(Query.query(Criteria.where("name").is(name)), Organisation.class)).isEqualTo(1);
    }

    @Test
    void anOrganisationNamesItsBrandTownPoliceOfficeAndHeadAndTheHeadCanBeAppointedLater() {
        Map<String, Object> body = organisation(unique("壶镇派出所正道讲和调解室"), "POLICE_STATION_ROOM", JINYUN);
        body.put("villageCode", "331122101203");
        body.put("brandName", "正道讲和");
        body.put("policeOfficeId", "po-331122101-01");
        String id = register(body);

        admin.get().uri(PATH + "/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.townCode").isEqualTo("331122101000")
                .jsonPath("$.brandName").isEqualTo("正道讲和")
                .jsonPath("$.policeOfficeId").isEqualTo("po-331122101-01")
                .jsonPath("$.headId").doesNotExist();
        admin.post().uri(PATH + "/{id}/actions/appoint-head", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("headId", "head-of-huzhen")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.headId").isEqualTo("head-of-huzhen");
        http.post().uri(PATH + "/{id}/actions/appoint-head", id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("head-of-huzhen", "MEDIATOR"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("headId", "someone")).exchange()
                .expectStatus().isForbidden();

        Map<String, Object> wrongTown = organisation(unique("x"), "LAWYER_MEDIATION", JINYUN);
        wrongTown.put("townCode", "331122102000");
        wrongTown.put("villageCode", "331122101203");
        admin.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).body(wrongTown).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("VILLAGE_OUTSIDE_TOWN");
    }

    private String register(Map<String, Object> body) {
        URI location = admin.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .returnResult().getResponseHeaders().getLocation();
        return location.getPath().substring(PATH.length() + 1);
    }

    private static Map<String, Object> organisation(String name, String kind, String countyCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("countyCode", countyCode);
        return body;
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID();
    }
}
