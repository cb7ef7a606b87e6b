package cn.lishui.police.grid.officer;

import java.net.URI;
import java.util.List;

import cn.lishui.police.grid.region.MapDirectory;
import cn.lishui.police.platform.security.Caller;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/grid")
class OfficerController {

    record OfficerRef(@NotBlank String officerId) {
    }

    private final Officers officers;
    private final Coverage coverage;
    private final VillageLiaison liaison;

    OfficerController(Officers officers, Coverage coverage, VillageLiaison liaison) {
        this.officers = officers;
        this.coverage = coverage;
        this.liaison = liaison;
    }

    /** The police liaison of a village: its chiefs and its grid officers, phones masked (contract 2). */
    @GetMapping("/villages/{code}/liaison")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'MEDIATOR', 'WINDOW_CLERK', 'COMMANDER', 'ADMIN', 'SERVICE')")
    VillageLiaison.View villageLiaison(@PathVariable @Pattern(regexp = "\\d{12}", message = "{grid.villageCode.format}")
                                       String code) {
        return liaison.of(code);
    }

    @PostMapping("/officers")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<OfficerView> register(@Valid @RequestBody NewOfficer command) {
        Officer officer = officers.register(command);
        return ResponseEntity.created(URI.create("/api/grid/officers/" + officer.id())).body(OfficerView.of(officer));
    }

    /** Villages without two chiefs and grids without an officer, per county and town. */
    @GetMapping("/coverage")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    Coverage.Report coverage(@RequestParam(required = false)
                             @Pattern(regexp = "\\d{6}", message = "{coverage.county.format}") String county) {
        return coverage.report(county);
    }

    /** The villages the calling officer is a chief of (the token's subject or username names the officer). */
    @GetMapping("/officers/me/villages")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE')")
    List<MapDirectory.Place> myVillages() {
        return officers.villagesOf(officers.ofCaller(Caller.current()));
    }

    /** The grids the calling officer is the grid officer of. */
    @GetMapping("/officers/me/grids")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE')")
    List<MapDirectory.GridPlace> myGrids() {
        return officers.gridsOf(officers.ofCaller(Caller.current()));
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
