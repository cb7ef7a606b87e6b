package cn.lishui.police.overseas.compatriot;

import java.net.URI;

import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

/** The compatriot registry (侨胞登记): self-registration or by a station's staff. */
@RestController
@RequestMapping(CompatriotController.PATH)
class CompatriotController {

    static final String PATH = "/api/overseas/compatriots";

    record RevealedPassport(String id, String passportNumber) {
    }

    record CorrectVillage(@NotBlank @Pattern(regexp = "3311\\d{8}", message = "{validation.village-code}")
                          String homeVillageCode) {
    }

    private final Compatriots compatriots;

    CompatriotController(Compatriots compatriots) {
        this.compatriots = compatriots;
    }

    @PostMapping
    ResponseEntity<CompatriotView> register(@Valid @RequestBody RegisterCompatriot command) {
        Compatriot compatriot = compatriots.register(command, Caller.current());
        return ResponseEntity.created(URI.create(PATH + "/" + compatriot.id())).body(CompatriotView.of(compatriot));
    }

    /** The caller's own registration. */
    @GetMapping("/me")
    @PreAuthorize("hasRole('COMPATRIOT')")
    CompatriotView mine() {
        return CompatriotView.of(compatriots.mine(Caller.current()));
    }

    /** Station staff see their station's compatriots; the home police, commanders and administrators all. */
    @GetMapping
    Page<CompatriotView> list(@RequestParam(required = false) String stationId,
                              @RequestParam(required = false) String country, Pageable pageable) {
        return compatriots.list(Caller.current(), stationId, country, pageable).map(CompatriotView::of);
    }

    @GetMapping("/{id}")
    CompatriotView get(@PathVariable String id) {
        return CompatriotView.of(compatriots.get(id, Caller.current()));
    }

    /** A corrected home village, checked against grid-service again. */
    @PostMapping("/{id}/actions/correct-village")
    CompatriotView correctVillage(@PathVariable String id, @Valid @RequestBody CorrectVillage command) {
        return CompatriotView.of(compatriots.correctVillage(id, command.homeVillageCode(), Caller.current()));
    }

    /** The passport number in clear, with a stated purpose, audited. */
    @GetMapping("/{id}/passport")
    @PreAuthorize("hasAnyRole('POLICE', 'COMMANDER', 'ADMIN')")
    RevealedPassport passport(@PathVariable String id, @RequestParam(required = false) String purpose) {
        return new RevealedPassport(id, compatriots.revealPassport(id, purpose, Caller.current()));
    }
}
