package cn.lishui.police.grid.carevisit;

import java.net.URI;
import java.util.List;

import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Family-care visits for overseas compatriots' families (contract 3). POSTs honour Idempotency-Key. */
@RestController
@RequestMapping("/api/grid/care-visits")
class CareVisitController {

    record VisitResult(@NotBlank @Size(max = 2000) String result) {
    }

    record Cancellation(@Size(max = 500) String reason) {
    }

    private final CareVisits visits;

    CareVisitController(CareVisits visits) {
        this.visits = visits;
    }

    /** 201 + Location the first time; the same requestRef again answers 200 with the same visit. */
    @PostMapping
    @PreAuthorize("hasAnyRole('COMPATRIOT', 'POLICE', 'COMMANDER', 'ADMIN', 'SERVICE')")
    ResponseEntity<CareVisitView> request(@Valid @RequestBody NewCareVisit command) {
        CareVisits.Requested requested = visits.request(command, Caller.current());
        CareVisitView body = CareVisitView.of(requested.visit());
        URI location = URI.create("/api/grid/care-visits/" + requested.visit().id());
        return requested.created() ? ResponseEntity.created(location).body(body)
                : ResponseEntity.ok().location(location).body(body);
    }

    /** The calling officer's open and accepted visits. */
    @GetMapping("/mine")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE')")
    List<CareVisitView> mine() {
        return visits.mine(Caller.current()).stream().map(CareVisitView::of).toList();
    }

    @GetMapping("/{id}")
    CareVisitView visit(@PathVariable String id) {
        return CareVisitView.of(visits.get(id, Caller.current()));
    }

    @PostMapping("/{id}/actions/accept")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE')")
    CareVisitView accept(@PathVariable String id) {
        return CareVisitView.of(visits.accept(id, Caller.current()));
    }

    @PostMapping("/{id}/actions/visit")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE')")
    CareVisitView visited(@PathVariable String id, @Valid @RequestBody VisitResult result) {
        return CareVisitView.of(visits.visit(id, result.result(), Caller.current()));
    }

    @PostMapping("/{id}/actions/cancel")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN', 'SERVICE', 'COMPATRIOT')")
    CareVisitView cancel(@PathVariable String id, @RequestBody(required = false) @Valid Cancellation cancellation) {
        return CareVisitView.of(visits.cancel(id, cancellation == null ? null : cancellation.reason(),
                Caller.current()));
    }
}
