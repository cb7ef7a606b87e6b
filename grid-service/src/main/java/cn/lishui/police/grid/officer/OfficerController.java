package cn.lishui.police.grid.officer;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/grid")
class OfficerController {

    record OfficerRef(@NotBlank String officerId) {
    }

    private final Officers officers;

    OfficerController(Officers officers) {
        this.officers = officers;
    }

    @PostMapping("/officers")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<OfficerView> register(@Valid @RequestBody NewOfficer command) {
        Officer officer = officers.register(command);
        return ResponseEntity.created(URI.create("/api/grid/officers/" + officer.id())).body(OfficerView.of(officer));
    }

    @GetMapping("/officers/{id}")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    OfficerView officer(@PathVariable String id) {
        return OfficerView.of(officers.get(id));
    }

    /** Appoints a village chief (一村两警长); appointing the same officer again changes nothing. */
    @PutMapping("/villages/{code}/chiefs")
    @PreAuthorize("hasAnyRole('COMMANDER', 'ADMIN')")
    VillageChiefs appointChief(@PathVariable @Pattern(regexp = "\\d{12}", message = "{grid.villageCode.format}") String code,
                               @Valid @RequestBody OfficerRef officer) {
        return officers.appointChief(code, officer.officerId());
    }

    /** Makes an officer the grid officer of a grid (一格一警). */
    @PutMapping("/grids/{code}/officer")
    @PreAuthorize("hasAnyRole('COMMANDER', 'ADMIN')")
    GridOfficer assignGridOfficer(@PathVariable @Pattern(regexp = "\\d{15}", message = "{grid.code.format}") String code,
                                  @Valid @RequestBody OfficerRef officer) {
        return officers.assignGridOfficer(code, officer.officerId());
    }
}
