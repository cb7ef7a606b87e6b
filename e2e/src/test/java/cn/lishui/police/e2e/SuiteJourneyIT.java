package cn.lishui.police.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static cn.lishui.police.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The whole suite from its packaged jars, each service in its own JVM on a fresh store, used the way a
 * front end uses it: through the gateway only, with real tokens from the identity service. The path
 * gateway → service → MongoDB is walked for every service, errors come back as problem bodies, and a
 * service that goes down costs only its own routes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteJourneyIT {

    private static Suite suite;

    @BeforeAll
    static void startTheSuite() {
        suite = Suite.start(SuiteJourneyIT.class.getSimpleName(), Deployable.values());
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void theNineCountiesOfLishuiComeFromGridService() {
        Http.Response response = Http.get(suite.gateway(Journeys.COUNTIES), citizen());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<Map.Entry<String, String>> counties = new ArrayList<>();
        for (JsonNode county : response.json()) {
            counties.add(entry(county.path("code").asString(), county.path("name").asString()));
        }
        assertThat(counties).containsExactlyInAnyOrder(
                entry("331102", "莲都区"), entry("331121", "青田县"), entry("331122", "缙云县"),
                entry("331123", "遂昌县"), entry("331124", "松阳县"), entry("331125", "云和县"),
                entry("331126", "庆元县"), entry("331127", "景宁畲族自治县"), entry("331181", "龙泉市"));
    }

    @Test
    void theRolesComeFromIdentityServiceToAnyone() {
        Http.Response response = Http.get(suite.gateway(Journeys.ROLES));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> roles = new ArrayList<>();
        for (JsonNode role : response.json()) {
            roles.add(role.path("name").asString());
            assertThat(role.path("displayName").asString()).as(role.toString()).isNotBlank();
        }
        assertThat(roles).containsExactlyInAnyOrder("CITIZEN", "COMPATRIOT", "GRID_OFFICER", "POLICE", "MEDIATOR",
                "WINDOW_CLERK", "COMMANDER", "ADMIN", "SERVICE");
    }

    @Test
    void aMediationOrganisationAnAdministratorRegistersThroughTheGatewayIsReadBackThroughIt() {
        Map<String, Object> organisation = Journeys.mediationOrganisation("旅程");

        Http.Response created = Http.post(suite.gateway(Journeys.ORGANISATIONS), organisation, admin());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertLocationLeadsToTheGateway(created);
        Http.Response found = Http.get(suite.gateway(Journeys.pathOf(created)), admin());
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertFields(found, organisation);
        assertThat(found.json().path("id").asString()).isNotBlank();
    }

    @Test
    void registeringAMediationOrganisationNeedsATokenAndTheAdministratorsRole() {
        assertProblem(Http.post(suite.gateway(Journeys.ORGANISATIONS), Journeys.mediationOrganisation("匿名")),
                401, "UNAUTHENTICATED");
        assertProblem(Http.post(suite.gateway(Journeys.ORGANISATIONS), Journeys.mediationOrganisation("群众"), citizen()),
                403, "FORBIDDEN");
        assertProblem(Http.post(suite.gateway(Journeys.ORGANISATIONS), Journeys.mediationOrganisation("伪造"),
                admin() + "x"), 401, "INVALID_TOKEN");
    }

    @Test
    void theServiceItemCatalogueComesAsAPageToAnyone() {
        Http.Response response = Http.get(suite.gateway(Journeys.SERVICE_ITEMS + "?page=0&size=5"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("content").isArray()).as(response.toString()).isTrue();
        assertThat(body.path("content").size()).as(response.toString()).isBetween(1, 5);
        assertThat(body.path("content").get(0).path("code").asString()).isNotBlank();
        JsonNode page = body.path("page");
        assertThat(page.path("size").asInt()).isEqualTo(5);
        assertThat(page.path("number").asInt()).isZero();
        assertThat(page.path("totalElements").asLong()).isGreaterThanOrEqualTo(body.path("content").size());
        assertThat(page.path("totalPages").asInt()).isPositive();
    }

    @Test
    void theFortyFiveGlobalItemsAreListedToAnyoneAbroadAndCachedByETag() {
        Http.Response response = Http.get(suite.gateway("/api/public/items?global=true&size=100"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("page").path("totalElements").asLong()).isEqualTo(45);
        for (JsonNode item : response.json().path("content")) {
            assertThat(item.path("global").asBoolean()).as(item.toString()).isTrue();
        }
        String etag = response.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response));
        assertThat(Http.get(suite.gateway("/api/public/items?global=true&size=100"), null, Map.of("If-None-Match", etag))
                .status()).isEqualTo(304);
    }

    @Test
    void anOverseasStationAnAdministratorOpensIsFoundByAnyone() {
        Map<String, Object> station = Journeys.overseasStation("旅程");

        Http.Response created = Http.post(suite.gateway(Journeys.STATIONS), station, admin());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertLocationLeadsToTheGateway(created);
        Http.Response found = Http.get(suite.gateway(Journeys.pathOf(created)));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertFields(found, station);
        assertThat(found.json().path("homeCountyName").asString()).isEqualTo("青田县");
    }

    @Test
    void aPathNoRouteKnowsIsANotFoundProblemFromTheGateway() {
        assertProblem(Http.get(suite.gateway("/api/nowhere/things"), citizen()), 404, "NOT_FOUND");
    }

    @Test
    void aPathTheServiceDoesNotKnowIsANotFoundProblemFromTheService() {
        assertProblem(Http.get(suite.gateway("/api/grid/no-such-resources"), citizen()), 404, "NOT_FOUND");
    }

    @Test
    void aServicesActuatorIsNotReachableThroughTheGateway() {
        Http.Response response = Http.get(suite.gateway("/api/grid/../actuator/health"), admin());

        assertThat(response.status()).as(response.toString()).isIn(400, 404);
        assertThat(response.body()).as(response.toString()).doesNotContain("\"UP\"");
    }

    @Test
    void anInvalidBodyIsAValidationProblemNamingTheFields() {
        JsonNode problem = assertProblem(
                Http.post(suite.gateway(Journeys.ORGANISATIONS), Map.of("countyCode", "331102"), admin()),
                400, "VALIDATION_FAILED");

        List<String> fields = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            fields.add(error.path("field").asString());
            assertThat(error.path("message").asString()).isNotBlank();
        }
        assertThat(fields).contains("name", "kind");
    }

    @Test
    void aMalformedBodyIsABadRequestProblem() {
        assertProblem(Http.post(suite.gateway(Journeys.STATIONS), "{\"name\": ", admin()), 400, "MALFORMED_BODY");
    }

    /** Last: it stops public-service for good. */
    @Test
    void aCitizenSignsUpLogsInThroughTheGatewaySeesOnlyTheirOwnMaskedProfileAndTheirPhoneReachesNoLog() {
        String phone = "13957812468";
        String password = "Lishui-Qingtian-2026";
        Http.Response signedUp = Http.post(suite.gateway("/api/identity/citizens"),
                Map.of("phone", phone, "password", password, "displayName", "叶小青"));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        assertThat(signedUp.body()).doesNotContain(phone);
        String id = signedUp.json().path("id").asString();

        Http.Response login = Http.postForm(suite.gateway("/oauth2/token"), Map.of("grant_type", "password",
                "client_id", "fengqiao-cli", "username", phone, "password", password));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String token = login.json().path("access_token").asString();

        Http.Response me = Http.get(suite.gateway("/api/identity/users/me"), token);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).isEqualTo(id);
        assertThat(me.json().path("phone").asString()).isEqualTo("139****2468");

        // another citizen learns nothing of this one; this one cannot act as staff
        assertProblem(Http.get(suite.gateway("/api/identity/users/" + id), citizen()), 404, "USER_NOT_FOUND");
        assertProblem(Http.post(suite.gateway("/api/identity/staff"),
                Map.of("username", "fake-police", "password", password, "roles", List.of("POLICE")), token), 403, "FORBIDDEN");

        assertThat(suite.allLogs()).as("personal data in the logs").doesNotContain(phone).doesNotContain(password);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aServiceThatIsDownIsAServiceUnavailableProblemWhileTheOthersStillAnswer() {
        ServiceProcess publicService = suite.process(Deployable.PUBLIC);
        assertThat(Http.get(suite.gateway(Journeys.SERVICE_ITEMS)).status()).isEqualTo(200);

        publicService.stop();

        assertThat(publicService.isAlive()).isFalse();
        for (int i = 0; i < 3; i++) {
            // no-cache: the gateway may still hold the catalogue read above for its max-age (30 s), so only a
            // request that may not be answered from a cache shows what happens when the service is down
            Http.Response response = Http.get(suite.gateway(Journeys.SERVICE_ITEMS), null,
                    Map.of("Cache-Control", "no-cache"));
            assertProblem(response, 503, "SERVICE_UNAVAILABLE");
            assertThat(response.took()).as("503 answered within a second").isLessThan(Duration.ofSeconds(1));
        }
        assertThat(Http.get(suite.gateway(Journeys.COUNTIES), citizen()).status()).isEqualTo(200);
        assertThat(Http.get(suite.gateway(Journeys.ROLES)).status()).isEqualTo(200);
        Http.Response created = Http.post(suite.gateway(Journeys.ORGANISATIONS),
                Journeys.mediationOrganisation("停机"), admin());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static String citizen() {
        return suite.accessToken("demo-citizen");
    }

    private static String admin() {
        return suite.accessToken("demo-admin");
    }

    private static void assertFields(Http.Response found, Map<String, Object> expected) {
        JsonNode body = found.json();
        expected.forEach((field, value) ->
                assertThat(body.path(field).asString()).as(field + " of " + found).isEqualTo(String.valueOf(value)));
    }

    /** A client only knows the gateway: a Location it is given must lead there (or be relative). */
    private static void assertLocationLeadsToTheGateway(Http.Response created) {
        URI location = URI.create(created.header("Location").orElseThrow());
        if (location.isAbsolute()) {
            assertThat(location.getAuthority()).as("Location of " + created)
                    .isEqualTo(suite.gateway("/").getAuthority());
        }
    }
}
