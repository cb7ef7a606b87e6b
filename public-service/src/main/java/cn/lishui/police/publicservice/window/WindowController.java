package cn.lishui.police.publicservice.window;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Service windows (1+X star standard): anonymous read, opened and assessed by ADMIN. */
@RestController
class WindowController {

    /** Rating statistics of one window or station. */
    record RatingStatsView(String code, long ratings, Double averageRating, Double satisfactionRate,
                           long badRatings, Map<Integer, Long> byStars) {
    }

    private final Windows windows;

    WindowController(Windows windows) {
        this.windows = windows;
    }

    @GetMapping("/api/public/windows")
    Page<WindowView> list(@RequestParam(required = false) String stationId, Pageable pageable) {
        return windows.list(stationId, pageable).map(window -> WindowView.of(window, false));
    }

    /** The window with its whole assessment history. */
    @GetMapping("/api/public/windows/{code}")
    WindowView get(@PathVariable String code) {
        return WindowView.of(windows.get(code), true);
    }

    @PostMapping("/api/public/windows")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<WindowView> open(@Valid @RequestBody WindowCommands.Open command) {
        ServiceWindow window = windows.open(command);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{code}")
                .buildAndExpand(window.code()).toUri();
        return ResponseEntity.created(location).body(WindowView.of(window, true));
    }

    @PostMapping("/api/public/windows/{code}/actions/assess")
    @PreAuthorize("hasRole('ADMIN')")
    WindowView assess(@PathVariable String code) {
        return WindowView.of(windows.reassess(code), true);
    }

    @GetMapping("/api/public/stats/ratings/windows")
    List<RatingStatsView> ratingsByWindow() {
        return windows.ratingsByWindow().entrySet().stream().map(e -> view(e.getKey(), e.getValue())).toList();
    }

    @GetMapping("/api/public/stats/ratings/stations")
    List<RatingStatsView> ratingsByStation() {
        return windows.ratingsByStation().entrySet().stream().map(e -> view(e.getKey(), e.getValue())).toList();
    }

    private static RatingStatsView view(String code, Windows.RatingStats stats) {
        return new RatingStatsView(code, stats.ratings(), stats.averageRating(), stats.satisfactionRate(),
                stats.badRatings(), stats.byStars());
    }
}
