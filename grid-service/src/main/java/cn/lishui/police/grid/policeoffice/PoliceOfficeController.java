package cn.lishui.police.grid.policeoffice;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Community police offices (警务室); any signed-in caller may read them. */
@RestController
@RequestMapping("/api/grid/police-offices")
class PoliceOfficeController {

    private final PoliceOffices offices;

    PoliceOfficeController(PoliceOffices offices) {
        this.offices = offices;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('COMMANDER', 'ADMIN')")
    ResponseEntity<PoliceOffice> create(@Valid @RequestBody NewPoliceOffice command) {
        PoliceOffice office = offices.create(command);
        return ResponseEntity.created(URI.create("/api/grid/police-offices/" + office.id())).body(office);
    }

    @GetMapping
    Page<PoliceOffice> find(
            @RequestParam(required = false) @Pattern(regexp = "\\d{12}", message = "{policeOffice.regionCode.format}") String regionCode,
            @RequestParam(required = false) @Pattern(regexp = "\\d{6}", message = "{coverage.county.format}") String county,
            @RequestParam(required = false) OfficeFunction function, Pageable pageable) {
        return offices.find(regionCode, county, function, pageable);
    }

    @GetMapping("/{id}")
    PoliceOffice office(@PathVariable String id) {
        return offices.get(id);
    }
}
