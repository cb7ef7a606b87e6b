package cn.lishui.police.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that another one hands work to goes down, and nothing is lost or doubled: an incident the
 * command room transfers to mediation while mediation-service is down becomes exactly one dispute once it
 * is back; a 全球通办 application a compatriot makes through the overseas portal while public-service is
 * down is queued and becomes exactly one application once it is back. Everything through the gateway with
 * real tokens; the services redeliver on their own (every second here, {@code FENGQIAO_DELIVERY_INTERVAL}).
 * The suite runs with demo data (grid-service's map at a twentieth of its size), so villages, officers,
 * stations and the global service list exist as in the local run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageIT {

    private static final Duration REDELIVERY_WAIT = Duration.ofSeconds(90);
    private static final Pattern CODE = Pattern.compile("\"code\":\"(\\d{12})\"");

    private static Suite suite;

    @BeforeAll
    static void startTheSuiteWithDemoData() {
        suite = Suite.start(OutageIT.class.getSimpleName(), Map.of(
                "FENGQIAO_DEMO_DATA_ENABLED", "true",
                "FENGQIAO_DEMO_DATA_SCALE", "0.05",
                "FENGQIAO_DELIVERY_INTERVAL", "1s"), Deployable.values());
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void anApplicationMadeThroughThePortalWhilePublicServiceIsDownIsQueuedAndBecomesExactlyOneApplication() {
        String compatriot = signUpCompatriot();
        String station = Http.get(suite.gateway("/api/overseas/stations?size=1")).json()
                .path("content").get(0).path("id").asString();
        String homeVillage = villageIn("331121", compatriot);
        Http.Response registered = Http.post(suite.gateway("/api/overseas/compatriots"), Map.of(
                "name", "陈侨", "passportNumber", "E" + String.format("%08d", (int) (Math.random() * 1e8)),
                "countryOfResidence", "IT", "cityOfResidence", "Prato", "stationId", station,
                "homeVillageCode", homeVillage), compatriot);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().path("villageStatus").asString()).as(registered.toString()).isEqualTo("VERIFIED");
        String itemCode = Http.get(suite.gateway("/api/overseas/portal/global-items"), compatriot).json()
                .path("items").get(0).path("code").asString();
        assertThat(itemCode).isNotBlank();

        ServiceProcess publicService = suite.process(Deployable.PUBLIC);
        publicService.stop();
        Http.Response queued = Http.post(suite.gateway("/api/overseas/portal/applications"),
                Map.of("itemCode", "LSGA-CRJ-0001", "form", Map.of("applicantName", "陈侨", "phone", "+390612345678",
                        "deliveryMethod", "E_CERTIFICATE")), compatriot);
        assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
        assertThat(queued.json().path("state").asString()).isEqualTo("QUEUED");
        // the list of global services is still served (from the portal's cache; marked stale once it is older
        // than its time to live, see overseas-service's GlobalListTest)
        JsonNode cached = Http.get(suite.gateway("/api/overseas/portal/global-items"), compatriot).json();
        assertThat(cached.path("count").asInt()).as(cached.toString()).isEqualTo(45);

        publicService.start();
        publicService.awaitReady(System.nanoTime() + E2eSettings.startTimeout().toNanos());
        String portalPath = Journeys.pathOf(queued);
        JsonNode submitted = await(() -> Http.get(suite.gateway(portalPath), compatriot).json(),
                application -> "SUBMITTED".equals(application.path("state").asString()));
        String publicId = submitted.path("publicApplicationId").asString();
        assertThat(publicId).isNotBlank();

        Http.Response mine = Http.get(suite.gateway("/api/public/applications?mine=true&size=50"), compatriot);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().path("page").path("totalElements").asLong()).as("exactly one application").isEqualTo(1);
        assertThat(mine.json().path("content").get(0).path("id").asString()).isEqualTo(publicId);
        assertThat(mine.json().path("content").get(0).path("itemCode").asString()).isEqualTo("LSGA-CRJ-0001");
    }

    @Test
    @Order(2)
    void aFamilyCareVisitAskedThroughThePortalBecomesATaskOfTheHomeVillagesOfficer() {
        String compatriot = signUpCompatriot();
        String station = Http.get(suite.gateway("/api/overseas/stations?size=1")).json()
                .path("content").get(0).path("id").asString();
        Http.Response registered = Http.post(suite.gateway("/api/overseas/compatriots"), Map.of(
                "name", "叶侨", "passportNumber", "E" + String.format("%08d", (int) (Math.random() * 1e8)),
                "countryOfResidence", "ES", "cityOfResidence", "Madrid", "stationId", station,
                "homeVillageCode", villageIn("331121", compatriot),
                "family", List.of(Map.of("relation", "MOTHER", "name", "叶母", "age", 82, "livesAlone", true)),
                "familyConsent", true, "consentStatement", "本人同意派出所民警上门探望家人"), compatriot);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        Http.Response asked = Http.post(suite.gateway("/api/overseas/portal/care-visits"),
                Map.of("familyMembers", "母亲，82岁，独居", "note", "请每月探望一次"), compatriot);

        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        JsonNode visit = await(() -> Http.get(suite.gateway(Journeys.pathOf(asked)), compatriot).json(),
                shown -> "SUBMITTED".equals(shown.path("handOff").asString()));
        // grid-service's answer, shown back to the compatriot: the task and the officer who has it
        assertThat(visit.path("gridVisitId").asString()).as(visit.toString()).isNotBlank();
        assertThat(visit.path("status").asString()).as(visit.toString()).isEqualTo("OPEN");
        assertThat(visit.path("officerName").asString()).as(visit.toString()).isNotBlank();
    }

    @Test
    @Order(3)
    void anIncidentTransferredToMediationWhileMediationIsDownBecomesExactlyOneDisputeOnceItIsBack() {
        String commander = suite.accessToken("demo-commander");
        String village = villageIn("331121", commander);
        Http.Response reported = Http.post(suite.gateway("/api/grid/incidents"), Map.of("category", "DISPUTE",
                "description", "两户村民因宅基地边界争执，要求调解", "villageCode", village,
                "reporter", Map.of("name", "叶大伯", "phone", "13857812345")), commander);
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String incidentPath = Journeys.pathOf(reported);
        String incidentId = reported.json().path("id").asString();

        // the command room dispatches it to the village's grid officer, then takes it off to mediation
        Http.Response dispatched = Http.post(suite.gateway(incidentPath + "/actions/dispatch"), Map.of(), commander);
        assertThat(dispatched.status()).as(dispatched.toString()).isEqualTo(200);
        assertThat(dispatched.json().path("status").asString()).isEqualTo("DISPATCHED");

        ServiceProcess mediation = suite.process(Deployable.MEDIATION);
        mediation.stop();
        Http.Response closed = Http.post(suite.gateway(incidentPath + "/actions/close"), Map.of(
                "outcome", "TRANSFERRED", "note", "移交110联调", "disputeCategory", "LAND_PROPERTY",
                "parties", List.of(Map.of("name", "叶大伯", "phone", "13857812345", "role", "APPLICANT"),
                        Map.of("name", "季阿姨", "phone", "13957812346", "role", "RESPONDENT"))), commander);
        assertThat(closed.status()).as("closes although mediation is down: " + closed).isEqualTo(200);
        assertThat(closed.json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().path("handoff").path("status").asString()).as(closed.toString()).isEqualTo("PENDING");

        mediation.start();
        mediation.awaitReady(System.nanoTime() + E2eSettings.startTimeout().toNanos());
        JsonNode delivered = await(() -> Http.get(suite.gateway(incidentPath), commander).json(),
                incident -> "DELIVERED".equals(incident.path("handoff").path("status").asString()));
        String disputeId = delivered.path("handoff").path("disputeId").asString();
        assertThat(disputeId).as(delivered.toString()).isNotBlank();

        JsonNode dispute = Http.get(suite.gateway("/api/mediation/disputes/" + disputeId), commander).json();
        assertThat(dispute.path("incidentId").asString()).as(dispute.toString()).isEqualTo(incidentId);
        // the same incident handed off again (a retry that crossed the answer) is the same dispute
        Http.Response again = Http.post(suite.gateway("/api/mediation/incident-handoffs"), Map.of(
                "incidentId", incidentId, "countyCode", "331121", "villageCode", village,
                "category", "LAND_PROPERTY", "description", "重复移交", "parties", List.of(),
                "handedOffBy", "e2e"), commander);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("disputeId").asString()).isEqualTo(disputeId);
        Http.Response registered = Http.get(suite.gateway(
                "/api/mediation/disputes?countyCode=331121&size=200&sort=registeredAt,desc"), commander);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().path("content").valueStream()
                .filter(d -> incidentId.equals(d.path("incidentId").asString())).count())
                .as("exactly one dispute for the incident").isEqualTo(1);
    }

    /**
     * OWASP API1 across the services: what one citizen (or compatriot) reported, registered or applied for,
     * another can neither read nor act on. 404, so that the other does not even learn that it exists.
     */
    @Test
    @Order(4)
    void oneCitizensRecordsAreNotFoundForAnotherInEveryService() {
        String a = signUpCitizen("13957810001");
        String b = signUpCitizen("13957810002");
        String village = villageIn("331121", a);

        Http.Response incident = Http.post(suite.gateway("/api/grid/incidents"), Map.of("category", "THEFT",
                "description", "电动车在村口被盗", "villageCode", village), a);
        assertThat(incident.status()).as(incident.toString()).isEqualTo(201);
        Http.Response dispute = Http.post(suite.gateway("/api/mediation/disputes"), Map.of("category", "NEIGHBOUR",
                "description", "邻居装修噪音纠纷", "villageCode", village, "parties", List.of(
                        Map.of("name", "叶甲", "role", "APPLICANT", "self", true),
                        Map.of("name", "叶乙", "role", "RESPONDENT"))), a);
        assertThat(dispute.status()).as(dispute.toString()).isEqualTo(201);
        JsonNode onlineItem = Http.get(suite.gateway("/api/public/items?channel=ONLINE&size=1")).json()
                .path("content").get(0);
        Http.Response application = Http.post(suite.gateway("/api/public/applications"), Map.of(
                "itemCode", onlineItem.path("code").asString(), "channel", "ONLINE", "form", formFor(onlineItem)), a);
        assertThat(application.status()).as(application.toString()).isEqualTo(201);

        for (Http.Response created : List.of(incident, dispute, application)) {
            String path = Journeys.pathOf(created);
            assertThat(Http.get(suite.gateway(path), a).status()).as("the owner reads " + path).isEqualTo(200);
            Http.Response other = Http.get(suite.gateway(path), b);
            assertThat(other.status()).as("another citizen reads " + path + ": " + other).isEqualTo(404);
        }
        Http.Response withdraw = Http.post(suite.gateway(Journeys.pathOf(dispute) + "/actions/withdraw"),
                Map.of("reason", "不是我的"), b);
        assertThat(withdraw.status()).as("another citizen acts on the dispute: " + withdraw).isIn(403, 404);

        String compatriotA = signUpCompatriot();
        String compatriotB = signUpCompatriot();
        String station = Http.get(suite.gateway("/api/overseas/stations?size=1")).json()
                .path("content").get(0).path("id").asString();
        Http.Response registered = Http.post(suite.gateway("/api/overseas/compatriots"), Map.of(
                "name", "潘侨", "passportNumber", "E" + String.format("%08d", (int) (Math.random() * 1e8)),
                "countryOfResidence", "FR", "cityOfResidence", "Paris", "stationId", station,
                "homeVillageCode", village), compatriotA);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String compatriotPath = Journeys.pathOf(registered);
        assertThat(Http.get(suite.gateway(compatriotPath), compatriotA).status()).isEqualTo(200);
        assertThat(Http.get(suite.gateway(compatriotPath), compatriotB).status()).isEqualTo(404);
        // and the passport number is masked even for its owner
        assertThat(registered.json().path("passportNumber").asString()).contains("*");
    }

    /** A form an item accepts: each required field filled with a value of its type. */
    static Map<String, Object> formFor(JsonNode item) {
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        for (JsonNode field : item.path("form")) {
            if (!field.path("required").asBoolean()) {
                continue;
            }
            String name = field.path("name").asString();
            switch (field.path("type").asString()) {
                case "NUMBER" -> form.put(name, 1);
                case "DATE" -> form.put(name, "2026-12-01");
                case "SINGLE_CHOICE" -> form.put(name, field.path("values").get(0).asString());
                case "MULTI_CHOICE" -> form.put(name, List.of(field.path("values").get(0).asString()));
                default -> form.put(name, name.toLowerCase().contains("phone") ? "13957812345" : "叶甲");
            }
        }
        return form;
    }

    private static String signUpCitizen(String phonePrefix) {
        String phone = phonePrefix.substring(0, 7) + String.format("%04d", (int) (Math.random() * 10_000));
        String password = "Lishui-Liandu-2026";
        Http.Response signedUp = Http.post(suite.gateway("/api/identity/citizens"),
                Map.of("phone", phone, "password", password, "displayName", "叶"));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        Http.Response login = Http.postForm(suite.gateway("/oauth2/token"), Map.of("grant_type", "password",
                "client_id", "fengqiao-cli", "username", phone, "password", password));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().path("access_token").asString();
    }

    /**
     * Last, after the journeys above have made the services count something: every deployable's
     * {@code /actuator/prometheus} (on its own port; the gateway never routes there) parses as the Prometheus
     * text format, {@code promtool check metrics} finds nothing to say about the suite's own metrics (the
     * frameworks' have lint findings of their own, e.g. missing HELP), and every business metric
     * {@code docs/metrics.md} lists for a service is exported by it, with the labels the table names, unless
     * it only appears on an event these journeys do not cause (listed below, with the event).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyServiceExportsItsDocumentedMetricsInAFormatPrometheusAccepts() throws Exception {
        // one more thing users do all day: locate a point to its grid
        assertThat(Http.get(suite.gateway("/api/grid/locate?lat=28.15&lng=120.28"),
                suite.accessToken("demo-officer")).status()).isIn(200, 404);
        Map<String, String> scrapes = new java.util.LinkedHashMap<>();
        for (Deployable deployable : Deployable.values()) {
            Http.Response scrape = Http.get(suite.process(deployable).url("/actuator/prometheus"), null,
                    Map.of("Accept", "text/plain;version=0.0.4"));
            assertThat(scrape.status()).as(deployable + " " + scrape).isEqualTo(200);
            scrapes.put(deployable.module(), scrape.body());
            PromtoolLint.Result lint = PromtoolLint.check(scrape.body());
            if (lint != null) {
                assertThat(lint.parsed()).as(deployable + ": promtool could not parse the scrape\n" + lint.output())
                        .isTrue();
                assertThat(lint.findingsAbout("fengqiao_", "grid_")).as(deployable + ": promtool on our metrics")
                        .isEmpty();
            }
        }
        for (DocumentedMetrics.Metric metric : DocumentedMetrics.business()) {
            if (FIRST_EVENT_ONLY.containsKey(metric.name())) {
                continue;
            }
            List<String> services = metric.service().startsWith("every service")
                    ? List.of("grid-service", "mediation-service", "overseas-service")
                    : List.of(metric.service());
            for (String service : services) {
                String scrape = scrapes.get(service);
                assertThat(scrape).as("scrape of " + service).isNotNull();
                List<String> series = scrape.lines().filter(line -> line.startsWith(metric.name() + "{")
                        || line.startsWith(metric.name() + "_count{") || line.startsWith(metric.name() + " ")).toList();
                assertThat(series).as(metric.name() + " exported by " + service).isNotEmpty();
                for (String label : metric.labels()) {
                    assertThat(series).as(metric.name() + " labelled " + label).allMatch(line -> line.contains(label + "=\""));
                }
            }
        }
    }

    /** Business metrics registered on an event the journeys above do not cause, and that event. */
    private static final Map<String, String> FIRST_EVENT_ONLY = Map.ofEntries(
            Map.entry("fengqiao_incidents_arrival_seconds", "an officer reporting on scene"),
            Map.entry("fengqiao_liaison_broadcast_recipients_total", "an alert broadcast to a liaison group"),
            Map.entry("fengqiao_liaison_broadcast_acknowledgements_total", "a member acknowledging an alert"),
            Map.entry("fengqiao_liaison_broadcast_ack_seconds", "a member acknowledging an alert"),
            Map.entry("fengqiao_disputes_closed_total", "a dispute closed"),
            Map.entry("fengqiao_disputes_escalations_total", "an overdue dispute escalated (one month)"),
            Map.entry("fengqiao_disputes_time_to_agreement_seconds", "a mediation agreement"),
            Map.entry("fengqiao_public_applications_sla_breaches_total", "an application past its limit"),
            Map.entry("fengqiao_public_applications_visit_breaches_total", "a visit beyond the item's maximum"),
            Map.entry("fengqiao_public_applications_sla_remaining_seconds", "an application finished"),
            Map.entry("fengqiao_public_applications_instant_seconds", "an instant item finished"),
            Map.entry("fengqiao_public_ratings_total", "a rating"),
            Map.entry("fengqiao_delivery_redeliveries_total", "a redelivery by the scheduler"));

    /** A new compatriot account (identity-service sign-up, then the password grant), as a compatriot abroad does. */
    private static String signUpCompatriot() {
        String email = "chen." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
        String password = "Prato-Qingtian-2026";
        Http.Response signedUp = Http.post(suite.gateway("/api/identity/compatriots"), Map.of("email", email,
                "password", password, "displayName", "陈侨", "countryOfResidence", "IT"));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        Http.Response login = Http.postForm(suite.gateway("/oauth2/token"), Map.of("grant_type", "password",
                "client_id", "fengqiao-cli", "username", email, "password", password));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().path("access_token").asString();
    }

    /** A village of the demo map in the county, through the region API. */
    static String villageIn(String county, String token) {
        String towns = Http.get(suite.gateway("/api/grid/regions/" + county), token).body();
        Matcher town = CODE.matcher(towns);
        while (town.find()) {
            String villages = Http.get(suite.gateway("/api/grid/regions/" + town.group(1)), token).body();
            Matcher village = CODE.matcher(villages);
            while (village.find()) {
                if (!village.group(1).endsWith("000") && !village.group(1).equals(town.group(1))) {
                    return village.group(1);
                }
            }
        }
        throw new AssertionError("no village in county " + county);
    }

    /** Polls until the answer satisfies the condition (the scheduler redelivers every second). */
    static JsonNode await(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + REDELIVERY_WAIT.toNanos();
        JsonNode last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not redelivered within " + REDELIVERY_WAIT + ": " + last);
            }
            ServiceProcess.sleep(Duration.ofMillis(500));
            last = read.get();
        }
        return last;
    }

    static List<String> texts(JsonNode array, String field) {
        return array.valueStream().map(node -> node.path(field).asString()).toList();
    }
}
