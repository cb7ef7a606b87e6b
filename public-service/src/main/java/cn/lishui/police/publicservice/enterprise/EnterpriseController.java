package cn.lishui.police.publicservice.enterprise;

import java.net.URI;

import cn.lishui.police.platform.security.Caller;
import cn.lishui.police.publicservice.enterprise.EnterpriseViews.EnterpriseView;
import cn.lishui.police.publicservice.enterprise.EnterpriseViews.VisitView;
import jakarta.validation.Valid;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Enterprise services: enterprises, their security liaison (安防CEO) and the liaison's visits (三服务). */
@RestController
@RequestMapping("/api/public/enterprises")
@PreAuthorize("hasAnyRole('POLICE', 'GRID_OFFICER', 'COMMANDER', 'ADMIN')")
class EnterpriseController {

    private final Enterprises enterprises;

    EnterpriseController(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    @PostMapping
    ResponseEntity<EnterpriseView> register(@Valid @RequestBody EnterpriseCommands.Register command) {
        Enterprise enterprise = enterprises.register(Caller.current(), command);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(enterprise.id()).toUri();
        return ResponseEntity.created(location).body(EnterpriseView.of(enterprise));
    }

    /** The enterprises of the caller's station; COMMANDER and ADMIN see all or filter by ?stationId. */
    @GetMapping
    Page<EnterpriseView> list(@RequestParam(required = false) String stationId, Pageable pageable) {
        return enterprises.list(Caller.current(), stationId, pageable).map(EnterpriseView::of);
    }

    @GetMapping("/{id}")
    EnterpriseView get(@PathVariable String id) {
        return EnterpriseView.of(enterprises.get(Caller.current(), id));
    }

    @PostMapping("/{id}/actions/assign-liaison")
    @PreAuthorize("hasAnyRole('POLICE', 'COMMANDER', 'ADMIN')")
    EnterpriseView assignLiaison(@PathVariable String id,
                             @Valid @RequestBody EnterpriseCommands.AssignLiaison command) {
        return EnterpriseView.of(enterprises.assignLiaison(Caller.current(), id, command));
    }

    @PostMapping("/{id}/visits")
    ResponseEntity<VisitView> recordVisit(@PathVariable String id,
                                             @Valid @RequestBody EnterpriseCommands.RecordVisit command) {
        LiaisonVisit visit = enterprises.recordVisit(Caller.current(), id, command);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{visitId}")
                .buildAndExpand(visit.id()).toUri();
        return ResponseEntity.created(location).body(VisitView.of(visit));
    }

    @GetMapping("/{id}/visits")
    Page<VisitView> visits(@PathVariable String id, Pageable pageable) {
        return enterprises.visits(Caller.current(), id, pageable).map(VisitView::of);
    }

    @PostMapping("/{id}/visits/{visitId}/issues/{issue}/actions/resolve")
    VisitView resolve(@PathVariable String id, @PathVariable String visitId, @PathVariable int issue,
                         @Valid @RequestBody EnterpriseCommands.Resolve command) {
        return VisitView.of(enterprises.resolve(Caller.current(), id, visitId, issue, command));
    }
}
