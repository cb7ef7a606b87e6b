package cn.lishui.police.grid.incident;

import java.net.URI;
import java.util.List;

import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Incidents (警情) and the enforcement guidance (执法指引) shown with them. POSTs honour Idempotency-Key. */
@RestController
@RequestMapping("/api/grid")
class IncidentController {

    private final Incidents incidents;
    private final EnforcementGuides guides;
    private final IncidentStats stats;

    IncidentController(Incidents incidents, EnforcementGuides guides, IncidentStats stats) {
        this.incidents = incidents;
        this.guides = guides;
        this.stats = stats;
    }

    /**
     * Crime KPIs of a county (or the city) for a period of local dates, both inclusive (default: the last
     * 30 days), against the same period a year earlier.
     */
    @GetMapping("/stats/incidents")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    IncidentStats.Report stats(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate to,
                               @RequestParam(required = false)
                               @Pattern(regexp = "\\d{6}", message = "{coverage.county.format}") String county,
                               @RequestParam(defaultValue = "90") int zeroCaseDays) {
        java.time.LocalDate end = to != null ? to : java.time.LocalDate.now(IncidentStats.LOCAL);
        java.time.LocalDate start = from != null ? from : end.minusDays(29);
        return stats.report(start, end, county, zeroCaseDays, Caller.current());
    }

    private IncidentView view(Incident incident, Caller caller) {
        return IncidentView.of(incident, guides.of(incident.category()),
                incident.allowedActions(incidents.actor(incident, caller)), incidents.isStaffView(incident, caller));
    }

    @PostMapping("/incidents")
    @PreAuthorize("hasAnyRole('COMMANDER', 'GRID_OFFICER', 'POLICE', 'CITIZEN')")
    ResponseEntity<IncidentView> report(@Valid @RequestBody IncidentCommands.Report command) {
        Caller caller = Caller.current();
        Incident incident = incidents.report(command, caller);
        return ResponseEntity.created(URI.create("/api/grid/incidents/" + incident.id())).body(view(incident, caller));
    }

    @GetMapping("/incidents")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    Page<IncidentView> list(@RequestParam(required = false) IncidentStatus status,
                            @RequestParam(required = false) IncidentCategory category,
                            @RequestParam(required = false)
                            @Pattern(regexp = "\\d{6}", message = "{coverage.county.format}") String county,
                            Pageable pageable) {
        Caller caller = Caller.current();
        return incidents.list(status, category, county, caller, pageable).map(i -> view(i, caller));
    }

    /** The calling officer's open incidents. */
    @GetMapping("/incidents/mine")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE')")
    List<IncidentView> mine() {
        Caller caller = Caller.current();
        return incidents.mine(caller).stream().map(i -> view(i, caller)).toList();
    }

    @GetMapping("/incidents/{id}")
    IncidentView incident(@PathVariable String id) {
        Caller caller = Caller.current();
        return view(incidents.get(id, caller), caller);
    }

    /** To the location's officer by default, or to {@code officerId}; the command room only. */
    @PostMapping("/incidents/{id}/actions/dispatch")
    @PreAuthorize("hasRole('COMMANDER')")
    IncidentView dispatch(@PathVariable String id,
                          @RequestBody(required = false) @Valid IncidentCommands.Dispatch command) {
        Caller caller = Caller.current();
        return view(incidents.dispatch(id, command, caller), caller);
    }

    @PostMapping("/incidents/{id}/actions/acknowledge")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE')")
    IncidentView acknowledge(@PathVariable String id) {
        Caller caller = Caller.current();
        return view(incidents.acknowledge(id, caller), caller);
    }

    /** The officer is on scene. */
    @PostMapping("/incidents/{id}/actions/arrive")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE')")
    IncidentView arrive(@PathVariable String id) {
        Caller caller = Caller.current();
        return view(incidents.arrive(id, caller), caller);
    }

    @PostMapping("/incidents/{id}/actions/close")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER')")
    IncidentView close(@PathVariable String id, @Valid @RequestBody IncidentCommands.Close command) {
        Caller caller = Caller.current();
        return view(incidents.close(id, command, caller), caller);
    }

    @PostMapping("/incidents/{id}/actions/reopen")
    @PreAuthorize("hasRole('COMMANDER')")
    IncidentView reopen(@PathVariable String id, @Valid @RequestBody IncidentCommands.Reopen command) {
        Caller caller = Caller.current();
        return view(incidents.reopen(id, command, caller), caller);
    }

    @GetMapping("/enforcement-guides")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    List<EnforcementGuides.Guidance> guides() {
        return guides.all();
    }

    @GetMapping("/enforcement-guides/{category}")
    @PreAuthorize("hasAnyRole('GRID_OFFICER', 'POLICE', 'COMMANDER', 'ADMIN')")
    EnforcementGuides.Guidance guide(@PathVariable IncidentCategory category) {
        return guides.of(category);
    }

    @PutMapping("/enforcement-guides/{category}")
    @PreAuthorize("hasRole('ADMIN')")
    EnforcementGuides.Guidance replaceGuide(@PathVariable IncidentCategory category,
                                            @Valid @RequestBody EnforcementGuides.Update update) {
        return guides.replace(category, update, Caller.current().subject());
    }
}
