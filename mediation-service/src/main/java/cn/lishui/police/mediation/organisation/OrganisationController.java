package cn.lishui.police.mediation.organisation;

import java.net.URI;

import cn.lishui.police.platform.region.CountyCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(OrganisationController.PATH)
class OrganisationController {

    static final String PATH = "/api/mediation/organisations";

    /** Unsorted lists come by name, then id, so that pages are stable. */
    private static final Sort DEFAULT_ORDER = Sort.by("name", "id");

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    /** Organisations are staff data of the justice bureau: only an administrator registers one. */
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<OrganisationView> register(@Valid @RequestBody NewOrganisation body) {
        Organisation organisation = organisations.register(body);
        // relative, so that it stays right behind the gateway
        return ResponseEntity.created(URI.create(PATH + "/" + organisation.id())).body(OrganisationView.of(organisation));
    }

    @GetMapping
    Page<OrganisationView> list(@RequestParam(required = false) @CountyCode String countyCode, Pageable pageable) {
        Pageable ordered = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), DEFAULT_ORDER);
        return organisations.list(countyCode, ordered).map(OrganisationView::of);
    }

    record AppointHead(@NotBlank @Size(max = 64) String headId) {
    }

    /** Names the organisation's head (an administrator's act, like the registration). */
    @PostMapping("/{id}/actions/appoint-head")
    @PreAuthorize("hasRole('ADMIN')")
    OrganisationView appointHead(@PathVariable String id, @Valid @RequestBody AppointHead body) {
        return OrganisationView.of(organisations.appointHead(id, body.headId()));
    }

    @GetMapping("/{id}")
    OrganisationView get(@PathVariable String id) {
        return OrganisationView.of(organisations.get(id));
    }
}
