package cn.lishui.police.grid.locate;

import java.util.List;

import cn.lishui.police.grid.officer.Assignments;
import cn.lishui.police.grid.officer.Assignments.AssignedOfficer;
import cn.lishui.police.grid.region.GridLocator;
import cn.lishui.police.grid.region.LocationView;
import cn.lishui.police.grid.region.LocationView.Place;
import cn.lishui.police.platform.error.DomainException;
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

    LocateController(GridLocator locator, Assignments assignments) {
        this.locator = locator;
        this.assignments = assignments;
    }

    /** The grid, village, town and county of a point (WGS-84 degrees). */
    @GetMapping("/locate")
    Located locate(@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng) {
        if (lat == null || lng == null) {
            throw DomainException.badRequest("INVALID_COORDINATES");
        }
        LocationView location = locator.locate(lat, lng)
                .orElseThrow(() -> DomainException.notFound("OUTSIDE_JURISDICTION", lat, lng));
        return new Located(location.grid(), location.village(), location.town(), location.county(),
                assignments.gridOfficer(location.grid().code()).orElse(null),
                location.village() == null ? List.of() : assignments.villageChiefs(location.village().code()));
    }
}
