package cn.lishui.police.grid.inspection;

import java.net.URI;
import java.util.List;

import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Routine inspections (基础排查). POSTs honour Idempotency-Key (platform filter). */
@RestController
@RequestMapping("/api/grid/inspections")
class InspectionController {

    private final Inspections inspections;

    InspectionController(Inspections inspections) {
        this.inspections = inspections;
    }

    /** Creates a task in a grid, assigned to the grid's officer; 409 GRID_NOT_COVERED if it has none. */
    @PostMapping
    @PreAuthorize("hasAnyRole('COMMANDER', 'POLICE', 'SERVICE')")
    ResponseEntity<InspectionView> create(@Valid @RequestBody NewInspection command) {
        Inspection inspection = inspections.create(command, Caller.current());
        return ResponseEntity.created(URI.create("/api/grid/inspections/" + inspection.id()))
                .body(InspectionView.of(inspection));
    }

    /** The calling officer's open tasks (my tasks). */
    @GetMapping("/mine")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE')")
    List<InspectionView> mine() {
        return inspections.mine(Caller.current()).stream().map(InspectionView::of).toList();
    }

    /** Open tasks past due, per station. */
    @GetMapping("/overdue")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    Inspections.Overdue overdue(@RequestParam(required = false)
                                @Pattern(regexp = "\\d{6}", message = "{coverage.county.format}") String county) {
        return inspections.overdue(county, Caller.current());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN', 'SERVICE')")
    InspectionView inspection(@PathVariable String id) {
        return InspectionView.of(inspections.get(id, Caller.current()));
    }

    /** The assigned officer's check-in: result, notes, optional location. */
    @PostMapping("/{id}/actions/check-in")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE')")
    InspectionView checkIn(@PathVariable String id, @Valid @RequestBody CheckInCommand command) {
        return InspectionView.of(inspections.checkIn(id, command, Caller.current()));
    }
}
