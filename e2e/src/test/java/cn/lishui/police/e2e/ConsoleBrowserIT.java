package cn.lishui.police.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console (综合勤务指挥室) in a real browser: the commander signs in on the identity service's
 * page, sees the dashboard's figures equal to what the platform's overview APIs return, dispatches a new
 * incident from the incident board to the grid officer of its place (which the API then shows), and finds
 * a grid's officer by clicking the grid on the map.
 */
class ConsoleBrowserIT extends BrowserJourney {

    private static final String COMMANDER = "demo-commander";
    private static final String HOME_COUNTY = "331121";
    private static final Duration DASHBOARD_WAIT = Duration.ofSeconds(90);
    private static final List<String> OVERVIEWS = List.of("/api/grid/stats/overview", "/api/grid/stats/incidents",
            "/api/mediation/stats/overview", "/api/public/stats/overview", "/api/overseas/stats/overview");

    @Test
    void aCommanderSeesTheOverviewFiguresOfTheApisAndDispatchesANewIncidentToItsGridOfficer() {
        // the overview APIs answer (the first calls of a freshly started suite may be slow)
        String token = suite.accessToken(COMMANDER);
        for (String overview : OVERVIEWS) {
            okJsonOnceWarm(overview, token);
        }

        Browser browser = open(Browser.DESKTOP);
        signIn(browser, COMMANDER);

        // the dashboard: every figure as the overview APIs give it; should a figure move between the page's
        // call and the test's (a delivery landing), the cards are refreshed and both read again
        Map<String, Long> expected = overviewCounts(token);
        Map<String, Long> shown = shownCounts(browser, expected.keySet());
        for (int attempt = 1; !shown.equals(expected) && attempt < 3; attempt++) {
            browser.all(By.cssSelector(".dashboard-card .row button")).forEach(WebElement::click);
            ServiceProcess.sleep(Duration.ofSeconds(2));
            expected = overviewCounts(token);
            shown = shownCounts(browser, expected.keySet());
        }
        assertThat(shown).as("the dashboard's figures as the user reads them").isEqualTo(expected);
        assertThat(expected.get("grids")).as("the demo data has grids").isPositive();
        assertThat(expected.get("global-items")).as("the 45 global items (全球通办)").isEqualTo(45);
        JsonNode mediation = okJson("/api/mediation/stats/overview", token);
        WebElement resolutionRate = browser.visible(By.id("figure-resolution-rate"));
        assertThat(Double.parseDouble(resolutionRate.getDomAttribute("data-value")))
                .isEqualTo(mediation.path("resolutionRate").asDouble());
        assertThat(resolutionRate.getText()).contains("%");

        // a new incident in a village with a grid officer, reported to the command room
        Place place = aVillageWithAGridOfficer(token);
        String description = "控制台派警测试 " + UUID.randomUUID();
        Http.Response reported = Http.post(suite.gateway("/api/grid/incidents"), Map.of(
                "category", "THEFT", "description", description, "villageCode", place.villageCode()), token);
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String incidentId = reported.json().path("id").asString();
        String number = reported.json().path("number").asString();
        assertThat(reported.json().path("status").asString()).isEqualTo("REPORTED");

        // the incident board: new → dispatched, by the button on the new incident's card
        browser.click(By.id("nav-incidents"));
        WebElement card = browser.visible(By.cssSelector("#column-new #incident-" + incidentId));
        assertThat(card.getText()).contains(description).contains(number);
        browser.click(By.id("dispatch-" + incidentId));
        browser.awaitText(By.id("incident-board-status"), number);
        browser.visible(By.cssSelector("#column-active #incident-" + incidentId));
        assertThat(browser.all(By.cssSelector("#column-new #incident-" + incidentId))).isEmpty();

        JsonNode dispatched = okJson("/api/grid/incidents/" + incidentId, token);
        assertThat(dispatched.path("status").asString()).isEqualTo("DISPATCHED");
        assertThat(dispatched.path("officer").path("id").asString()).as("dispatched to the grid officer of the village")
                .isEqualTo(place.officerId());
        assertThat(browser.visible(By.cssSelector("#incident-" + incidentId + " .incident-officer")).getText())
                .isEqualTo(dispatched.path("officer").path("name").asString());

        // the map: a click on a grid shows the grid and its officer as the locate API finds them
        browser.click(By.id("nav-map"));
        WebElement path = browser.await(ExpectedConditions.elementToBeClickable(By.cssSelector("#map-svg path")));
        String gridCode = path.getDomAttribute("data-code");
        path.click();
        browser.await(ExpectedConditions.attributeToBe(By.id("map-located-grid"), "data-code", gridCode));
        JsonNode gridView = okJson("/api/grid/grids/" + gridCode, token);
        assertThat(gridView.path("countyCode").asString()).as("the map opens on the commander's county").isEqualTo(HOME_COUNTY);
        double[] inside = middleOf(gridView.path("boundary"));
        JsonNode located = okJson("/api/grid/locate?lat=" + inside[1] + "&lng=" + inside[0], token);
        assertThat(located.path("grid").path("code").asString()).isEqualTo(gridCode);
        String officerName = located.path("gridOfficer").path("name").asString();
        if (!officerName.isEmpty()) {
            browser.awaitText(By.id("map-grid-officer"), officerName);
        }

        // and the language switch redraws the page in English
        browser.click(By.id("language-switch"));
        browser.awaitText(By.id("nav-dashboard"), "Overview");
    }

    @Test
    void dispatchingAnIncidentClosedSinceTheBoardWasDrawnShowsTheApisConflict() {
        String token = suite.accessToken(COMMANDER);
        Place place = aVillageWithAGridOfficer(token);
        Http.Response reported = Http.post(suite.gateway("/api/grid/incidents"), Map.of(
                "category", "OTHER", "description", "控制台过期看板测试 " + UUID.randomUUID(), "villageCode", place.villageCode()), token);
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String incidentId = reported.json().path("id").asString();

        Browser browser = open(Browser.DESKTOP);
        signIn(browser, COMMANDER);
        browser.click(By.id("nav-incidents"));
        browser.visible(By.id("dispatch-" + incidentId));

        // meanwhile the incident is closed elsewhere
        Http.Response closed = Http.post(suite.gateway("/api/grid/incidents/" + incidentId + "/actions/close"),
                Map.of("outcome", "CLEARED", "note", "误报"), token);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

        browser.click(By.id("dispatch-" + incidentId));
        By message = By.cssSelector("#incident-" + incidentId + " .incident-message");
        browser.await(ExpectedConditions.textMatches(message, java.util.regex.Pattern.compile(".+")));
        Http.Response refused = Http.post(suite.gateway("/api/grid/incidents/" + incidentId + "/actions/dispatch"), "{}", token);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(browser.visible(message).getText()).as("the API's own words, in the user's language")
                .contains(refused.json().path("detail").asString());
        assertThat(okJson("/api/grid/incidents/" + incidentId, token).path("status").asString()).isEqualTo("CLOSED");
    }

    /** Signs in through the identity service's login page, where the console sends a visitor first. */
    private static void signIn(Browser browser, String username) {
        browser.open(suite.gateway("/console/").toString());
        browser.visible(By.id("username"));
        assertThat(browser.currentUrl()).as("the console sends a visitor to sign in").contains("/login");
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), suite.demoPassword());
        browser.click(By.cssSelector("button[type=submit]"));
        browser.await(driver -> !driver.findElements(By.id("user-name")).isEmpty()
                || driver.getPageSource().contains("\"code\""));
        assertThat(browser.all(By.id("user-name"))).as("signed in and back on the console, not on a problem page: %s",
                browser.driver().getPageSource()).isNotEmpty();
        browser.awaitText(By.id("user-name"), username);
        assertThat(browser.currentUrl()).contains("/console/");
    }

    record Place(String villageCode, String officerId) {
    }

    /**
     * A village of the commander's county whose first grid has a grid officer: an incident reported at the
     * village goes to that officer by default. (A village rather than a point: reporting at a point answers
     * 500 while grid-service's locator leaves the county out of a location.)
     */
    private static Place aVillageWithAGridOfficer(String token) {
        int tried = 0;
        for (JsonNode town : okJson("/api/grid/regions/" + HOME_COUNTY, token).path("children")) {
            for (JsonNode village : okJson("/api/grid/regions/" + town.path("code").asString(), token).path("children")) {
                if (++tried > 20) {
                    throw new AssertionError("No village with a grid officer among the first 20 of " + HOME_COUNTY);
                }
                String villageCode = village.path("code").asString();
                JsonNode firstGrid = okJson("/api/grid/regions/" + villageCode, token).path("grids").path(0);
                if (firstGrid.isMissingNode()) {
                    continue;
                }
                double[] middle = middleOf(okJson("/api/grid/grids/" + firstGrid.path("code").asString(), token).path("boundary"));
                JsonNode located = okJson("/api/grid/locate?lat=" + middle[1] + "&lng=" + middle[0], token);
                String officerId = located.path("gridOfficer").path("id").asString();
                if (!officerId.isEmpty()) {
                    return new Place(villageCode, officerId);
                }
            }
        }
        throw new AssertionError("No village with a grid officer in " + HOME_COUNTY);
    }

    /** [lng, lat]: the mean of a GeoJSON polygon's outer ring (without its closing position). */
    private static double[] middleOf(JsonNode boundary) {
        JsonNode ring = boundary.path("coordinates").path(0);
        int positions = ring.size() > 1 ? ring.size() - 1 : ring.size();
        double lng = 0;
        double lat = 0;
        for (int i = 0; i < positions; i++) {
            lng += ring.path(i).path(0).asDouble();
            lat += ring.path(i).path(1).asDouble();
        }
        return new double[] {lng / positions, lat / positions};
    }

    private static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode count : counts) {
            total += count.asLong();
        }
        return total;
    }

    /** The dashboard's counts as the overview APIs give them, by figure name. */
    private static Map<String, Long> overviewCounts(String token) {
        JsonNode grid = okJson("/api/grid/stats/overview", token);
        JsonNode incidents = okJson("/api/grid/stats/incidents", token);
        JsonNode mediation = okJson("/api/mediation/stats/overview", token);
        JsonNode publicServices = okJson("/api/public/stats/overview", token);
        JsonNode overseas = okJson("/api/overseas/stats/overview", token);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("grids", grid.path("grids").asLong());
        counts.put("grids-covered", grid.path("gridsCovered").asLong());
        counts.put("villages", grid.path("villages").asLong());
        counts.put("villages-two-chiefs", grid.path("villagesWithTwoChiefs").asLong());
        counts.put("officers-police", grid.path("officers").path("police").asLong());
        counts.put("officers-auxiliary", grid.path("officers").path("auxiliary").asLong());
        counts.put("incidents-total", incidents.path("total").path("current").asLong());
        counts.put("incidents-criminal", incidents.path("criminal").path("current").asLong());
        counts.put("zero-case-villages", incidents.path("zeroCaseVillages").path("zeroCaseVillages").asLong());
        counts.put("disputes", mediation.path("disputes").asLong());
        counts.put("disputes-overdue", mediation.path("overdue").asLong());
        counts.put("items", publicServices.path("items").asLong());
        counts.put("global-items", publicServices.path("globalItems").asLong());
        counts.put("applications", sum(publicServices.path("applicationsByStatus")));
        counts.put("sla-breaches", publicServices.path("slaBreaches").asLong());
        counts.put("stations", overseas.path("stations").asLong());
        counts.put("aid-donated", sum(overseas.path("itemsDonated")));
        counts.put("aid-shipped", sum(overseas.path("itemsShipped")));
        return counts;
    }

    /**
     * The figures as the page shows them: the digits the user reads, which must be the element's data-value
     * too. Waits for each (a card whose service was slow tries again by itself).
     */
    private static Map<String, Long> shownCounts(Browser browser, Iterable<String> names) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), DASHBOARD_WAIT);
        Map<String, Long> shown = new LinkedHashMap<>();
        for (String name : names) {
            WebElement value = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("figure-" + name)));
            long read = Long.parseLong(value.getText().replaceAll("[^0-9]", ""));
            assertThat(value.getDomAttribute("data-value")).as("data-value of figure-" + name).isEqualTo(String.valueOf(read));
            shown.put(name, read);
        }
        return shown;
    }

    /** As {@link #okJson}, after waiting out a 502/503/504 of a service still warming up. */
    private static JsonNode okJsonOnceWarm(String path, String token) {
        long deadline = System.nanoTime() + DASHBOARD_WAIT.toNanos();
        Http.Response response = Http.get(suite.gateway(path), token);
        while (response.status() >= 502 && response.status() <= 504 && System.nanoTime() < deadline) {
            ServiceProcess.sleep(Duration.ofSeconds(2));
            response = Http.get(suite.gateway(path), token);
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode okJson(String path, String token) {
        Http.Response response = Http.get(suite.gateway(path), token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
