package cn.lishui.police.overseas.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import cn.lishui.police.platform.delivery.DeliveryFailures;
import cn.lishui.police.platform.security.FengqiaoJwtAuthenticationConverter;
import cn.lishui.police.platform.test.ProviderApplication;
import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * overseas-service's own Feign clients against the real providers, started from their packaged jars
 * (contracts 1, 3, 5, 6, 7). grid-service runs a small demo map: the village check is exercised on a county (no
 * village), an unknown and a malformed code; a family-care visit on an unknown village is a permanent refusal and
 * one on a real village goes to its officer, once per requestRef. public-service has its full catalogue (45
 * global items). Last, the portal end to
 * end against the real public-service: with grid-service gone a compatriot is registered unverified, applies
 * through the portal (the real global list, the real application, its status); with public-service gone too the
 * next application is queued.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderContractTest {

    static ProviderApplication grid;
    static ProviderApplication publicService;

    @BeforeAll
    static void startProviders() {
        // a small demo map: villages with grid officers, so that a care visit can be accepted for real
        grid = ProviderApplication.start("grid-service", "fengqiao.demo-data.enabled=true",
                "fengqiao.demo-data.scale=0.02");
        publicService = ProviderApplication.start("public-service");
    }

    @AfterAll
    static void stopProviders() {
        if (grid != null) {
            grid.close();
        }
        if (publicService != null) {
            publicService.close();
        }
    }

    @DynamicPropertySource
    static void providerUrls(DynamicPropertyRegistry registry) {
        registry.add("fengqiao.clients.grid.url", () -> grid.url());
        registry.add("fengqiao.clients.public.url", () -> publicService.url());
    }

    @Autowired
    RestTestClient http;

    @Autowired
    GridClient gridClient;

    @Autowired
    PublicServiceClient publicClient;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signInAsCompatriot(String subject) {
        var jwt = TestTokens.decoder().decode(TestTokens.user(subject).roles("COMPATRIOT").token());
        SecurityContextHolder.getContext().setAuthentication(new FengqiaoJwtAuthenticationConverter().convert(jwt));
    }

    @Test
    @Order(1)
    void theGlobalListHasTheFortyFiveGlobalItemsWithTheirForms() {
        PublicServiceClient.ItemPage page = ServiceIdentity.call(() -> publicClient.items(true, 0, 200, "code"));

        assertThat(page.content()).hasSize(45).allMatch(PublicServiceClient.Item::global);
        assertThat(page.page().totalElements()).isEqualTo(45);
        assertThat(page.page().totalPages()).isEqualTo(1);
        PublicServiceClient.Item first = page.content().get(0);
        assertThat(first.code()).isEqualTo("LSGA-CRJ-0001");
        assertThat(first.channels()).contains("OVERSEAS_STATION");
        assertThat(first.form()).extracting(PublicServiceClient.FormField::name).contains("applicantName");
    }

    @Test
    @Order(2)
    void theServiceAppliesForACompatriotOnceWhateverTheRetriesAndReadsTheStatus() {
        String compatriot = "compatriot-" + UUID.randomUUID();
        String key = "overseas-portal-application-" + UUID.randomUUID();
        String body = "{\"itemCode\":\"LSGA-CRJ-0001\",\"channel\":\"OVERSEAS_STATION\",\"form\":{\"applicantName\":"
                + "\"陈侨\",\"phone\":\"+390612345678\",\"deliveryMethod\":\"E_CERTIFICATE\"},\"onBehalfOf\":\""
                + compatriot + "\"}";
        // a user's request is going on: the hand-off is still made as the service
        signInAsCompatriot(compatriot);

        PublicServiceClient.Application first = ServiceIdentity.call(() -> publicClient.apply(key, body));
        PublicServiceClient.Application again = ServiceIdentity.call(() -> publicClient.apply(key, body));

        assertThat(first.id()).isNotBlank();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.applicantId()).isEqualTo(compatriot);
        assertThat(first.status()).isEqualTo("SUBMITTED");
        assertThat(first.channel()).isEqualTo("OVERSEAS_STATION");
        PublicServiceClient.Application read = ServiceIdentity.call(() -> publicClient.application(first.id()));
        assertThat(read.status()).isEqualTo("SUBMITTED");
        assertThat(read.dueAt()).isNotNull();
    }

    @Test
    @Order(3)
    void aNonGlobalItemIsAPermanentRefusal() {
        String body = "{\"itemCode\":\"LSGA-JG-0001\",\"channel\":\"ONLINE\",\"form\":{\"applicantName\":\"陈侨\","
                + "\"phone\":\"1\"},\"onBehalfOf\":\"compatriot-x\"}";
        assertThatThrownBy(() -> ServiceIdentity.call(() -> publicClient.apply("k-" + UUID.randomUUID(), body)))
                .satisfies(e -> {
                    assertThat(Failures.status(e)).isEqualTo(422);
                    assertThat(DeliveryFailures.permanent(e)).isTrue();
                });
        assertThatThrownBy(() -> ServiceIdentity.call(() -> publicClient.application("no-such-application")))
                .satisfies(e -> assertThat(Failures.status(e)).isEqualTo(404));
    }

    @Test
    @Order(4)
    void theVillageCheckTellsACountyAnUnknownAndAMalformedCodeApart() {
        signInAsCompatriot("compatriot-" + UUID.randomUUID());

        GridClient.Region county = gridClient.region("331121");
        assertThat(county.level()).isEqualTo("COUNTY");
        assertThat(county.name()).isEqualTo("青田县");
        assertThat(county.village()).isFalse();
        assertThatThrownBy(() -> gridClient.region("331121999999"))
                .satisfies(e -> assertThat(Failures.status(e)).isEqualTo(404));
        assertThatThrownBy(() -> gridClient.region("12345"))
                .satisfies(e -> assertThat(Failures.status(e)).isEqualTo(400));
    }

    @Test
    @Order(5)
    void aCareVisitForAnUnknownVillageIsRefusedForGoodAndTheServiceIsAccepted() {
        GridClient.CareVisitRequest request = new GridClient.CareVisitRequest("331121999999",
                UUID.randomUUID().toString(), "母亲，82岁，独居", null, "陈侨");
        // as the service: grid answers 404 VILLAGE_NOT_FOUND, not 401/403
        assertThatThrownBy(() -> ServiceIdentity.call(() -> gridClient.requestCareVisit("k-" + UUID.randomUUID(),
                request)))
                .satisfies(e -> {
                    assertThat(Failures.status(e)).isEqualTo(404);
                    assertThat(DeliveryFailures.permanent(e)).isTrue();
                });
        assertThatThrownBy(() -> ServiceIdentity.call(() -> gridClient.careVisit("no-such-visit")))
                .satisfies(e -> assertThat(Failures.status(e)).isEqualTo(404));
    }

    @Test
    @Order(5)
    void aCareVisitForARealVillageIsGivenToItsOfficerAndTheSameRequestRefGivesTheSameVisit() {
        String village = someVillage("331121");
        GridClient.CareVisitRequest request = new GridClient.CareVisitRequest(village, UUID.randomUUID().toString(),
                "母亲，82岁，独居", "请每月探望一次", "陈侨");

        GridClient.CareVisit visit = ServiceIdentity.call(() -> gridClient.requestCareVisit(
                "k-" + UUID.randomUUID(), request));
        GridClient.CareVisit again = ServiceIdentity.call(() -> gridClient.requestCareVisit(
                "k-" + UUID.randomUUID(), request));

        assertThat(visit.villageCode()).isEqualTo(village);
        assertThat(visit.status()).isEqualTo("OPEN");
        assertThat(visit.officerId()).isNotBlank();
        assertThat(visit.requestRef()).isEqualTo(request.requestRef());
        assertThat(again.id()).as("one visit per requestRef").isEqualTo(visit.id());
        assertThat(ServiceIdentity.call(() -> gridClient.careVisit(visit.id())).status()).isEqualTo("OPEN");
    }

    /** A village of the provider's demo map under the county, found through the region API (contract 1). */
    private static String someVillage(String county) {
        java.util.regex.Pattern code = java.util.regex.Pattern.compile("\"code\":\"(\\d{12})\"");
        String towns = RestClient.create(grid.url()).get().uri("/api/grid/regions/{code}", county)
                .header("Authorization", TestTokens.bearer("contract-test", "ADMIN")).retrieve().body(String.class);
        java.util.regex.Matcher town = code.matcher(towns);
        while (town.find()) {
            if (town.group(1).equals(county) || !town.group(1).endsWith("000")) {
                continue;
            }
            String villages = RestClient.create(grid.url()).get().uri("/api/grid/regions/{code}", town.group(1))
                    .header("Authorization", TestTokens.bearer("contract-test", "ADMIN")).retrieve()
                    .body(String.class);
            java.util.regex.Matcher village = code.matcher(villages);
            while (village.find()) {
                if (!village.group(1).endsWith("000")) {
                    return village.group(1);
                }
            }
        }
        throw new AssertionError("grid-service's demo map has no village in " + county);
    }

    @Test
    @Order(6)
    void thePortalAppliesThroughTheRealPublicServiceAndTracksTheApplication() {
        grid.kill();
        assertThatThrownBy(() -> ServiceIdentity.call(() -> gridClient.region("331121001001")))
                .satisfies(e -> assertThat(DeliveryFailures.permanent(e)).isFalse());
        String subject = "compatriot-" + UUID.randomUUID();
        JsonNode compatriot = post("/api/overseas/compatriots", TestTokens.bearer(subject, "COMPATRIOT"),
                Map.of("name", "陈侨", "passportNumber", "E" + String.format("%08d", (int) (Math.random() * 1e8)),
                        "countryOfResidence", "IT", "cityOfResidence", "Prato", "stationId", station(),
                        "homeVillageCode", "331121001001"));
        assertThat(compatriot.path("villageStatus").asString()).isEqualTo("UNVERIFIED");

        JsonNode list = get("/api/overseas/portal/global-items", TestTokens.bearer(subject, "COMPATRIOT"));
        assertThat(list.path("count").asInt()).isEqualTo(45);
        assertThat(list.path("stale").asBoolean()).isFalse();
        http.post().uri("/api/overseas/portal/applications")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(subject, "COMPATRIOT"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("itemCode", "LSGA-JG-0001", "form", Map.of("applicantName", "陈侨"))).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("ITEM_NOT_GLOBAL");

        JsonNode application = post("/api/overseas/portal/applications", TestTokens.bearer(subject, "COMPATRIOT"),
                Map.of("itemCode", "LSGA-CRJ-0001", "form", FORM));
        assertThat(application.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(application.path("itemName").asString()).isEqualTo("出入境记录查询证明（本人申请）");
        String publicId = application.path("publicApplicationId").asString();
        PublicServiceClient.Application held = ServiceIdentity.call(() -> publicClient.application(publicId));
        assertThat(held.applicantId()).isEqualTo(subject);
        JsonNode tracked = get("/api/overseas/portal/applications/" + application.path("id").asString(),
                TestTokens.bearer(subject, "COMPATRIOT"));
        assertThat(tracked.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(tracked.path("statusStale").asBoolean()).isFalse();
        subjectOfPortal = subject;
    }

    @Test
    @Order(7)
    void withPublicServiceGoneTheNextApplicationIsQueued() {
        publicService.kill();
        assertThatThrownBy(() -> ServiceIdentity.call(() -> publicClient.apply("k-" + UUID.randomUUID(), "{}")))
                .satisfies(e -> assertThat(DeliveryFailures.permanent(e)).isFalse());
        String token = TestTokens.bearer(subjectOfPortal, "COMPATRIOT");

        JsonNode queued = post("/api/overseas/portal/applications", token,
                Map.of("itemCode", "LSGA-CRJ-0001", "form", FORM));
        assertThat(queued.path("state").asString()).isEqualTo("QUEUED");
        assertThat(queued.path("attempts").asInt()).isEqualTo(1);
    }

    private static String subjectOfPortal;
    private static final Map<String, Object> FORM = Map.of("applicantName", "陈侨", "phone", "+390612345678",
            "deliveryMethod", "E_CERTIFICATE");

    private String station() {
        return post("/api/overseas/stations", TestTokens.bearer("admin-1", "ADMIN"), Map.of("name", "普拉托警侨驿站",
                "country", "IT", "city", "Prato", "homeCountyCode", "331121", "timeZone", "Europe/Rome"))
                .path("id").asString();
    }

    private JsonNode post(String uri, String token, Object body) {
        return http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode get(String uri, String token) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
