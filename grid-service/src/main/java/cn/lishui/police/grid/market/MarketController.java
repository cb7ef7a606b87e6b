package cn.lishui.police.grid.market;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Markets with police stalls (赶街警务) and backpack policing points (背包警务). */
@RestController
@RequestMapping("/api/grid")
class MarketController {

    private final Markets markets;

    MarketController(Markets markets) {
        this.markets = markets;
    }

    @PostMapping("/markets")
    @PreAuthorize("hasAnyRole('POLICE', 'COMMANDER', 'ADMIN')")
    ResponseEntity<Market> create(@Valid @RequestBody Markets.NewMarket command) {
        Market market = markets.create(command, Caller.current());
        return ResponseEntity.created(URI.create("/api/grid/markets/" + market.id())).body(market);
    }

    @GetMapping("/markets")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    List<Market> markets(@RequestParam(required = false)
                         @Pattern(regexp = "\\d{6}", message = "{coverage.county.format}") String county) {
        return markets.markets(county, Caller.current());
    }

    @GetMapping("/markets/{id}")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    Market market(@PathVariable String id) {
        return markets.market(id, Caller.current());
    }

    /** The market days from..to (both inclusive, at most a year) with the officers at the stall. */
    @GetMapping("/markets/{id}/days")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    List<Markets.MarketDay> days(@PathVariable String id,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return markets.days(id, from, to, Caller.current());
    }

    @PostMapping("/backpack-points")
    @PreAuthorize("hasAnyRole('POLICE', 'COMMANDER', 'ADMIN')")
    ResponseEntity<BackpackPoint> createPoint(@Valid @RequestBody Markets.NewBackpackPoint command) {
        BackpackPoint point = markets.createPoint(command, Caller.current());
        return ResponseEntity.created(URI.create("/api/grid/backpack-points/" + point.id())).body(point);
    }

    @GetMapping("/backpack-points")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    List<BackpackPoint> points(@RequestParam(required = false)
                               @Pattern(regexp = "\\d{6}", message = "{coverage.county.format}") String county) {
        return markets.points(county, Caller.current());
    }

    @GetMapping("/backpack-points/{id}")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    BackpackPoint point(@PathVariable String id) {
        return markets.point(id, Caller.current());
    }
}
