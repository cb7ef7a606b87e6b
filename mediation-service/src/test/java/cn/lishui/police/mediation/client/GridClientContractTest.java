package cn.lishui.police.mediation.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.lishui.police.platform.security.FengqiaoJwtAuthenticationConverter;
import cn.lishui.police.platform.test.ProviderApplication;
import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import feign.FeignException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * mediation-service's own grid-service client (contracts 1 and 2) against the real grid-service, started from its
 * packaged jar: a county (a region that is no village), codes it does not know, a malformed code, the liaison
 * of a real village (when the provider has its demo map, see below), and the provider gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "fengqiao.delivery.enabled=false",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=100000"})
@SelectedMongo
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GridClientContractTest {

    private static final String UNKNOWN_VILLAGE = "331122101201";

    static ProviderApplication grid;

    @BeforeAll
    static void startGrid() {
        // a small demo map, so that the liaison of a real village can be asked for (see the last but one test)
        grid = ProviderApplication.start("grid-service", "fengqiao.demo-data.enabled=true",
                "fengqiao.demo-data.scale=0.02");
    }

    @AfterAll
    static void stopGrid() {
        if (grid != null) {
            grid.close();
        }
    }

    @DynamicPropertySource
    static void gridUrl(DynamicPropertyRegistry registry) {
        registry.add("fengqiao.clients.grid.url", () -> grid.url());
    }

    @Autowired
    GridClient client;

    @Autowired
    GridDirectory directory;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** The status of the Feign failure inside the breaker's NoFallbackAvailableException. */
    private static int feignStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FeignException feign) {
                return feign.status();
            }
        }
        throw new AssertionError("no FeignException in " + failure);
    }

    /** A request of a signed-in citizen: the client relays their token. */
    private static void signInAsCitizen() {
        var jwt = TestTokens.decoder().decode(TestTokens.user("citizen-contract").roles("CITIZEN").token());
        SecurityContextHolder.getContext().setAuthentication(new FengqiaoJwtAuthenticationConverter().convert(jwt));
    }

    @Test
    @Order(1)
    void aRegionIsReadWithItsLevelAndAUserTokenIsAccepted() {
        signInAsCitizen();

        GridClient.Region county = client.region("331122");

        assertThat(county.code()).isEqualTo("331122");
        assertThat(county.name()).isEqualTo("缙云县");
        assertThat(county.level()).isEqualTo("COUNTY");
        assertThat(county.parentCode()).isEqualTo("331100");
        // a county is no village: an intake naming it is refused, not kept for later
        assertThat(directory.village("331122").answer()).isEqualTo(GridDirectory.Answer.NOT_FOUND);
    }

    @Test
    @Order(2)
    void anUnknownOrMalformedVillageIsAPermanentNotFound() {
        signInAsCitizen();

        assertThatThrownBy(() -> client.region(UNKNOWN_VILLAGE))
                .satisfies(e -> assertThat(feignStatus(e)).isEqualTo(404));
        assertThat(directory.village(UNKNOWN_VILLAGE).answer()).isEqualTo(GridDirectory.Answer.NOT_FOUND);
        assertThat(directory.village(UNKNOWN_VILLAGE).error()).isEqualTo("HTTP 404");
        assertThat(directory.village("12345").answer()).isEqualTo(GridDirectory.Answer.NOT_FOUND);
        assertThat(directory.village("12345").error()).isEqualTo("HTTP 400");
    }

    @Test
    @Order(3)
    void theLiaisonIsAskedForAsTheServiceAndAnUnknownVillageIsNotFound() {
        // as the service (no user): SERVICE is accepted, so the answer is the provider's 404, not a 401 or 403
        assertThatThrownBy(() -> client.liaison(UNKNOWN_VILLAGE))
                .satisfies(e -> assertThat(feignStatus(e)).isEqualTo(404));
        // also during a citizen's request, the directory asks as the service
        signInAsCitizen();
        GridDirectory.LiaisonLookup lookup = directory.liaison(UNKNOWN_VILLAGE);
        assertThat(lookup.answer()).isEqualTo(GridDirectory.Answer.NOT_FOUND);
        assertThat(lookup.error()).isEqualTo("HTTP 404");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
    }

    /** The whole liaison of a village of the provider's (small) demo map. */
    @Test
    @Order(4)
    void theLiaisonOfARealVillageIsReadWithItsChiefsAndGridOfficers() {
        String village = someVillage();
        assertThat(village).as("a village of grid-service's demo map").isNotNull();

        GridClient.Liaison liaison = client.liaison(village);
        assertThat(liaison.villageCode()).isEqualTo(village);
        assertThat(liaison.villageName()).isNotBlank();
        assertThat(liaison.chiefs()).isNotEmpty().allSatisfy(chief -> {
            assertThat(chief.officerId()).isNotBlank();
            assertThat(chief.kind()).isIn("POLICE", "AUXILIARY");
            assertThat(chief.phone()).contains("*");
        });
        assertThat(directory.village(village).answer()).isEqualTo(GridDirectory.Answer.FOUND);
        assertThat(directory.liaison(village).answer()).isEqualTo(GridDirectory.Answer.FOUND);
    }

    /** A village of the provider's map, found through its public region tree (null when it has none). */
    private static String someVillage() {
        try {
            HttpClient http = HttpClient.newHttpClient();
            String token = TestTokens.bearer("contract-test", "ADMIN");
            for (String county : List.of("331122", "331121", "331102")) {
                String towns = http.send(HttpRequest.newBuilder(URI.create(grid.url() + "/api/grid/regions/" + county))
                        .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher town = Pattern.compile("\"code\":\"(" + county + "\\d{6})\"").matcher(towns);
                while (town.find()) {
                    String villages = http.send(HttpRequest.newBuilder(URI.create(grid.url() + "/api/grid/regions/"
                            + town.group(1))).header("Authorization", token).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher village = Pattern.compile("\"code\":\"(\\d{9}(?!000)\\d{3})\"").matcher(villages);
                    if (village.find()) {
                        return village.group(1);
                    }
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Test
    @Order(5)
    void withTheProviderGoneTheAnswerIsUnavailableNotARefusal() {
        grid.kill();

        assertThat(directory.village(UNKNOWN_VILLAGE).answer()).isEqualTo(GridDirectory.Answer.UNAVAILABLE);
        assertThat(directory.liaison(UNKNOWN_VILLAGE).answer()).isEqualTo(GridDirectory.Answer.UNAVAILABLE);
    }
}
