package cn.lishui.police.grid.region;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The locator names the whole chain around a point, county included, whatever order the start-up ran in. */
class GridLocatorTest {

    @Test
    void aLocatedPointNamesItsGridVillageTownAndCountyEvenBeforeTheCountiesAreStored() {
        DemoMap.Generated map = DemoMap.generate(0.05);
        List<Region> withoutCounties = new ArrayList<>(map.towns());
        withoutCounties.addAll(map.villages());
        GridLocator locator = new GridLocator(null);
        locator.load(map.grids(), withoutCounties);
        Grid grid = map.grids().get(0);
        var corner = grid.boundary().coordinates().get(0);
        double lng = (corner.get(0).get(0) + corner.get(2).get(0)) / 2;
        double lat = (corner.get(0).get(1) + corner.get(2).get(1)) / 2;

        LocationView location = locator.locate(lat, lng).orElseThrow();

        assertThat(location.grid().code()).isEqualTo(grid.code());
        assertThat(location.village().code()).isEqualTo(grid.villageCode());
        assertThat(location.town().code()).isEqualTo(grid.townCode());
        assertThat(location.county().code()).isEqualTo(grid.countyCode());
        assertThat(location.county().name()).isNotBlank();
    }
}
