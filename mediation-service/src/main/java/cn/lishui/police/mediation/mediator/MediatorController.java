package cn.lishui.police.mediation.mediator;

import java.net.URI;
import java.util.List;
import java.util.Map;

import cn.lishui.police.mediation.dispute.DisputeCategory;
import cn.lishui.police.platform.region.CountyCode;
import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Mediators (调解员) with their specialties, dialects, area and derived caseload. */
@RestController
@Validated
@RequestMapping(MediatorController.PATH)
class MediatorController {

    static final String PATH = "/api/mediation/mediators";

    private final Mediators mediators;

    MediatorController(Mediators mediators) {
        this.mediators = mediators;
    }

    /** ADMIN, or the head of the mediator's organisation. */
    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MEDIATOR')")
    ResponseEntity<MediatorView> register(@Valid @RequestBody NewMediator command) {
        Mediator mediator = mediators.register(Caller.current(), command);
        return ResponseEntity.created(URI.create(PATH + "/" + mediator.id())).body(MediatorView.of(mediator, 0));
    }

    @GetMapping
    Page<MediatorView> list(@RequestParam(required = false) String organisationId,
                            @RequestParam(required = false) @CountyCode String countyCode,
                            @RequestParam(required = false) DisputeCategory specialty,
                            @RequestParam(required = false) String dialect,
                            Pageable pageable) {
        Page<Mediator> page = mediators.list(organisationId, countyCode, specialty, dialect, pageable);
        Map<String, Long> loads = mediators.caseloads(page.getContent());
        List<MediatorView> views = page.getContent().stream()
                .map(m -> MediatorView.of(m, loads.getOrDefault(m.id(), 0L))).toList();
        return new PageImpl<>(views, pageable, page.getTotalElements());
    }

    @GetMapping("/{id}")
    MediatorView get(@PathVariable String id) {
        Mediator mediator = mediators.get(id);
        return MediatorView.of(mediator, mediators.caseload(mediator));
    }

    @PostMapping("/{id}/actions/deactivate")
    @PreAuthorize("hasAnyRole('ADMIN', 'MEDIATOR')")
    MediatorView deactivate(@PathVariable String id) {
        Mediator mediator = mediators.deactivate(Caller.current(), id);
        return MediatorView.of(mediator, mediators.caseload(mediator));
    }
}
