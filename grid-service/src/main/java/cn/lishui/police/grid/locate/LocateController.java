package cn.lishui.police.grid.locate;

import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.lishui.police.grid.officer.Assignments;
import cn.lishui.police.grid.officer.Assignments.AssignedOfficer;
import cn.lishui.police.grid.region.GridLocator;
import cn.lishui.police.grid.region.LocationView;
import cn.lishui.police.grid.region.LocationView.Place;
import cn.lishui.police.platform.error.DomainException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Location lookup: which grid a point is in, and who looks after it. */
@RestController
@RequestMapping("/api/grid")
class LocateController {

    /** Where a point lies and its grid officer and village chiefs. */
    record Located(Place grid, Place village, Place town, Place county, AssignedOfficer gridOfficer,
                   List<AssignedOfficer> villageChiefs) {
    }

    private final GridLocator locator;
    private final Assignments assignments;
    private final Timer found;
    private final Timer outside;

    LocateController(GridLocator locator, Assignments assignments, ObjectProvider<MeterRegistry> registry) {
        this.locator = locator;
        this.assignments = assignments;
        MeterRegistry meters = registry.getIfAvailable(() -> Metrics.globalRegistry);
        this.found = timer(meters, "found");
        this.outside = timer(meters, "outside");
    }

    /** Point-in-polygon latency as a histogram (the STRtree lookup, not the officer reads). */
    private static Timer timer(MeterRegistry meters, String outcome) {
        return Timer.builder("grid.locate").description("Point-in-polygon lookup over the grid boundaries")
                .tag("outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofNanos(1_000))
                .maximumExpectedValue(java.time.Duration.ofMillis(100)).register(meters);
    }

    /** The grid, village, town and county of a point (WGS-84 degrees). */
    @GetMapping("/locate")
    Located locate(@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng) {
        if (lat == null || lng == null) {
            throw DomainException.badRequest("INVALID_COORDINATES");
        }
        long start = System.nanoTime();
        java.util.Optional<LocationView> located = locator.locate(lat, lng);
        (located.isPresent() ? found : outside).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        LocationView location = located.orElseThrow(() -> DomainException.notFound("OUTSIDE_JURISDICTION", lat, lng));
        return new Located(location.grid(), location.village(), location.town(), location.county(),
                assignments.gridOfficer(location.grid().code()).orElse(null),
                location.village() == null ? List.of() : assignments.villageChiefs(location.village().code()));
    }
}
