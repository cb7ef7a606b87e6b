package cn.lishui.police.overseas.station;

import java.net.URI;

import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.SortDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The overseas liaison stations (警侨驿站): a public list, opened and closed by administrators. */
@RestController
@RequestMapping(StationController.PATH)
class StationController {

    static final String PATH = "/api/overseas/stations";

    private final StationRegistry registry;

    StationController(StationRegistry registry) {
        this.registry = registry;
    }

    /** Opening a station is an administrator's act; reading the stations is open to anyone. */
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<StationView> open(@Valid @RequestBody OpenStationRequest request) {
        Station station = registry.open(request);
        // a path, not an absolute URL: the gateway forwards paths unchanged, so it is right on both sides
        return ResponseEntity.created(URI.create(PATH + "/" + station.id()))
                .body(StationView.of(station, registry.now()));
    }

    @GetMapping
    Page<StationView> list(@RequestParam(required = false) @CountryCode String country,
                           @RequestParam(required = false) Boolean active,
                           @SortDefault({"country", "city", "name"}) Pageable pageable) {
        return registry.list(country, active, pageable).map(s -> StationView.of(s, registry.now()));
    }

    @GetMapping("/{id}")
    StationView get(@PathVariable String id) {
        return StationView.of(registry.byId(id), registry.now());
    }

    /** Closing a station keeps its history; a closed station takes no new registrations, requests or shipments. */
    @PostMapping("/{id}/actions/{action:activate|deactivate}")
    @PreAuthorize("hasRole('ADMIN')")
    StationView activate(@PathVariable String id, @PathVariable String action) {
        return StationView.of(registry.setActive(id, "activate".equals(action)), registry.now());
    }
}
