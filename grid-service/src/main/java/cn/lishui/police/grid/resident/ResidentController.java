package cn.lishui.police.grid.resident;

import java.net.URI;
import java.util.List;

import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

/** Residents and floating population (实有人口 / 流动人口). */
@RestController
@RequestMapping("/api/grid/residents")
class ResidentController {

    record Lookup(@NotBlank @Size(max = 20) String idCardNumber, @Size(max = 200) String purpose) {
    }

    record RevealedIdCard(String id, String idCardNumber) {
    }

    private final Residents residents;

    ResidentController(Residents residents) {
        this.residents = residents;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER')")
    ResponseEntity<ResidentView> register(@Valid @RequestBody NewResident command) {
        Resident resident = residents.register(command, Caller.current());
        return ResponseEntity.created(URI.create("/api/grid/residents/" + resident.id()))
                .body(ResidentView.of(resident));
    }

    /** Floating registrations expiring within {@code days} days in the caller's area. */
    @GetMapping("/expiring")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER')")
    Page<ResidentView> expiring(@RequestParam(defaultValue = "30") int days, Pageable pageable) {
        return residents.expiring(days, Caller.current(), pageable).map(ResidentView::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    ResidentView resident(@PathVariable String id) {
        return ResidentView.of(residents.get(id, Caller.current()));
    }

    /** Residents by ID-card number, through the blind index; audited, a purpose is required. */
    @PostMapping("/lookup")
    @PreAuthorize("hasAnyRole('POLICE', 'COMMANDER')")
    List<ResidentView> lookup(@Valid @RequestBody Lookup lookup) {
        return residents.lookup(lookup.idCardNumber(), lookup.purpose(), Caller.current()).stream()
                .map(ResidentView::of).toList();
    }

    /** The ID-card number in clear, with a stated purpose, audited. */
    @GetMapping("/{id}/id-card")
    @PreAuthorize("hasAnyRole('POLICE', 'COMMANDER', 'ADMIN')")
    RevealedIdCard idCard(@PathVariable String id, @RequestParam(required = false) String purpose) {
        return new RevealedIdCard(id, residents.revealIdCard(id, purpose, Caller.current()));
    }
}
