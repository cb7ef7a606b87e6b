package cn.lishui.police.grid.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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

/** The region tree, search, grids, location lookup and overview over a small generated map. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class MapApiTest {

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    GridLocator locator;

    RestTestClient officer;
    DemoMap.Generated map;

    @BeforeEach
    void generateASmallMap() {
        map = DemoMapFixture.write(mongo, locator);
        officer = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION,
                TestTokens.user("o1").roles("GRID_OFFICER").county("331121").bearer()).build();
    }

    private Region firstTownOf(String county) {
        return map.towns().stream().filter(t -> t.parentCode().equals(county)).findFirst().orElseThrow();
    }

    @Test
    void aCountyIsReadWithItsTowns() {
        List<String> towns = map.towns().stream().filter(t -> t.parentCode().equals("331123")).map(Region::code).toList();

        officer.get().uri("/api/grid/regions/{code}", "331123").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("遂昌县")
                .jsonPath("$.children[*].code").isEqualTo(towns)
                .jsonPath("$.children[0].level").isEqualTo("TOWN")
                .jsonPath("$.grids.length()").isEqualTo(0);
    }

    @Test
    void aVillageIsReadWithItsGrids() {
        Region village = map.villages().get(0);
        List<String> grids = map.grids().stream().filter(g -> g.villageCode().equals(village.code()))
                .map(Grid::code).toList();

        officer.get().uri("/api/grid/regions/{code}", village.code()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.level").isEqualTo("VILLAGE")
                .jsonPath("$.name").isEqualTo(village.name())
                .jsonPath("$.parentCode").isEqualTo(village.parentCode())
                .jsonPath("$.grids[*].code").isEqualTo(grids);
    }

    @Test
    void searchingByNameFindsRegionsContainingTheText() {
        Region village = map.villages().get(3);

        officer.get().uri("/api/grid/regions?q={q}", village.name()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].code").value(codes -> assertThat((List<Object>) codes).contains((Object) village.code()))
                .jsonPath("$.page.totalElements").value(n -> assertThat(((Number) n).intValue()).isPositive());
    }

    @Test
    void regexCharactersInTheSearchMatchOnlyThemselves() {
        officer.get().uri("/api/grid/regions?q={q}", ".*").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(0)
                .jsonPath("$.page.totalElements").isEqualTo(0);
    }

    @Test
    void aSearchWithoutTextIsAValidationProblem() {
        officer.get().uri("/api/grid/regions?q=").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void theTreeListsCountiesWithTheirTownsByDefault() {
        officer.get().uri("/api/grid/regions/tree").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(9)
                .jsonPath("$[0].code").isEqualTo("331102")
                .jsonPath("$[0].children[0].code").isEqualTo(firstTownOf("331102").code())
                .jsonPath("$[0].children[0].children").doesNotExist();
    }

    @Test
    void theTreeOfDepthThreeReachesTheVillages() {
        officer.get().uri("/api/grid/regions/tree?depth=3").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].children[0].children[0].level").isEqualTo("VILLAGE");
    }

    @Test
    void aTreeDeeperThanTheVillagesIsABadRequest() {
        officer.get().uri("/api/grid/regions/tree?depth=4").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_TREE_DEPTH");
    }

    @Test
    void aGridIsReadWithItsGeoJsonBoundary() {
        Grid grid = map.grids().get(0);

        officer.get().uri("/api/grid/grids/{code}", grid.code()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.code").isEqualTo(grid.code())
                .jsonPath("$.type").isEqualTo(grid.type().name())
                .jsonPath("$.villageCode").isEqualTo(grid.villageCode())
                .jsonPath("$.boundary.type").isEqualTo("Polygon")
                .jsonPath("$.boundary.coordinates[0].length()").isEqualTo(5);
    }

    @Test
    void anUnknownGridIsANotFoundProblem() {
        officer.get().uri("/api/grid/grids/{code}", "331102999999999").header("Accept-Language", "en").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.code").isEqualTo("GRID_NOT_FOUND")
                .jsonPath("$.detail").isEqualTo("There is no grid with the code 331102999999999.");
    }

    @Test
    void aPointIsLocatedInItsGridVillageTownAndCounty() {
        Grid grid = map.grids().get(map.grids().size() / 2);
        DemoMap.Area area = map.areas().get(grid.code());
        Region village = map.villages().stream().filter(v -> v.code().equals(grid.villageCode())).findFirst().orElseThrow();

        officer.get().uri("/api/grid/locate?lat={lat}&lng={lng}", (area.south() + area.north()) / 2,
                        (area.west() + area.east()) / 2).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.grid.code").isEqualTo(grid.code())
                .jsonPath("$.grid.name").isEqualTo(grid.name())
                .jsonPath("$.village.code").isEqualTo(village.code())
                .jsonPath("$.village.name").isEqualTo(village.name())
                .jsonPath("$.town.code").isEqualTo(grid.townCode())
                .jsonPath("$.county.code").isEqualTo(grid.countyCode());
    }

    @Test
    void aPointOutsideLishuiIsOutsideTheJurisdiction() {
        officer.get().uri("/api/grid/locate?lat=30.27&lng=120.15").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("OUTSIDE_JURISDICTION");
    }

    @Test
    void invalidOrMissingCoordinatesAreABadRequest() {
        for (String query : List.of("lat=91&lng=119.9", "lat=28&lng=-181", "lat=NaN&lng=119.9", "lat=28")) {
            officer.get().uri("/api/grid/locate?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("INVALID_COORDINATES");
        }
    }

    @Test
    void theOverviewCountsTheMapInTotalAndPerCounty() {
        long suichangGrids = map.grids().stream().filter(g -> g.countyCode().equals("331123")).count();

        officer.get().uri("/api/grid/stats/overview").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.counties").isEqualTo(9)
                .jsonPath("$.towns").isEqualTo(map.towns().size())
                .jsonPath("$.villages").isEqualTo(map.villages().size())
                .jsonPath("$.grids").isEqualTo(map.grids().size())
                .jsonPath("$.officers.police").isNumber()
                .jsonPath("$.officers.auxiliary").isNumber()
                .jsonPath("$.villagesWithTwoChiefs").isNumber()
                .jsonPath("$.gridsCovered").isNumber()
                .jsonPath("$.perCounty[3].code").isEqualTo("331123")
                .jsonPath("$.perCounty[3].grids").isEqualTo((int) suichangGrids);
    }

    private RestTestClient admin() {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer("admin-1", "ADMIN")).build();
    }

    private static Map<String, Object> newGrid(String villageCode, List<List<Double>> ring) {
        return Map.of("villageCode", villageCode, "name", "新网格", "type", "MARKET",
                "boundary", Map.of("type", "Polygon", "coordinates", List.of(ring)));
    }

    @Test
    void anAdminAddsAGridOutsideTheMapThatIsThenReadAndLocated() {
        Region village = map.villages().get(0);

        String location = admin().post().uri("/api/grid/grids").contentType(MediaType.APPLICATION_JSON)
                .body(newGrid(village.code(), List.of(List.of(118.0, 27.0), List.of(118.1, 27.0),
                        List.of(118.1, 27.1), List.of(118.0, 27.1), List.of(118.0, 27.0))))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.type").isEqualTo("MARKET")
                .returnResult().getResponseHeaders().getLocation().toString();

        assertThat(location).startsWith("/api/grid/grids/" + village.code());
        officer.get().uri(location).exchange().expectStatus().isOk();
        officer.get().uri("/api/grid/locate?lat=27.05&lng=118.05").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.grid.code").isEqualTo(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void aSelfIntersectingBoundaryIsUnprocessable() {
        admin().post().uri("/api/grid/grids").contentType(MediaType.APPLICATION_JSON)
                .body(newGrid(map.villages().get(0).code(), List.of(List.of(118.0, 27.0), List.of(118.1, 27.1),
                        List.of(118.1, 27.0), List.of(118.0, 27.1), List.of(118.0, 27.0))))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("POLYGON_SELF_INTERSECTING");
    }

    @Test
    void anUnclosedBoundaryIsUnprocessable() {
        admin().post().uri("/api/grid/grids").contentType(MediaType.APPLICATION_JSON)
                .body(newGrid(map.villages().get(0).code(), List.of(List.of(118.0, 27.0), List.of(118.1, 27.0),
                        List.of(118.1, 27.1), List.of(118.0, 27.1))))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("POLYGON_NOT_CLOSED");
    }

    @Test
    void aGridUnderATownIsUnprocessable() {
        admin().post().uri("/api/grid/grids").contentType(MediaType.APPLICATION_JSON)
                .body(newGrid(map.towns().get(0).code(), List.of(List.of(118.0, 27.0), List.of(118.1, 27.0),
                        List.of(118.1, 27.1), List.of(118.0, 27.0))))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_A_VILLAGE");
    }

    @Test
    void onlyAnAdminAddsGrids() {
        officer.post().uri("/api/grid/grids").contentType(MediaType.APPLICATION_JSON)
                .body(newGrid(map.villages().get(0).code(), List.of(List.of(118.0, 27.0), List.of(118.1, 27.0),
                        List.of(118.1, 27.1), List.of(118.0, 27.0))))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }
}
