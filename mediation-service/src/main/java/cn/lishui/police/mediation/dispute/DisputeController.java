package cn.lishui.police.mediation.dispute;

import java.net.URI;
import java.util.Map;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.region.CountyCode;
import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
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

/** Disputes: intake, reading, the workflow actions, sessions, recusals and revealing a party's contact. */
@RestController
@Validated
@RequestMapping(DisputeController.PATH)
class DisputeController {

    static final String PATH = "/api/mediation/disputes";

    private final Disputes disputes;
    private final MediatorSuggestions suggestions;

    DisputeController(Disputes disputes, MediatorSuggestions suggestions) {
        this.disputes = disputes;
        this.suggestions = suggestions;
    }

    /** A citizen registers their own dispute; a grid officer one they met in their grid. */
    @PostMapping
    @PreAuthorize("hasAnyRole('CITIZEN', 'GRID_OFFICER')")
    ResponseEntity<DisputeView> open(@Valid @RequestBody DisputeCommands.NewDispute command) {
        Caller caller = Caller.current();
        Dispute dispute = disputes.open(caller, command);
        return ResponseEntity.created(URI.create(PATH + "/" + dispute.id())).body(view(dispute, caller));
    }

    /**
     * The caller's cases (as a party, the mediator, the head, who registered it); COMMANDER sees all.
     * {@code overdue=true}: open past the one-month limit; {@code followUpDue=true}: agreed, follow-up visit due.
     */
    @GetMapping
    Page<DisputeView> list(@RequestParam(required = false) DisputeStatus status,
                           @RequestParam(required = false) @CountyCode String countyCode,
                           @RequestParam(required = false) String organisationId,
                           @RequestParam(required = false) DisputeCategory category,
                           @RequestParam(required = false) Boolean overdue,
                           @RequestParam(required = false) Boolean followUpDue,
                           Pageable pageable) {
        Caller caller = Caller.current();
        return disputes.list(caller, new Disputes.Filter(status, countyCode, organisationId, category, overdue,
                        followUpDue), pageable).map(dispute -> view(dispute, caller));
    }

    @GetMapping("/{id}")
    DisputeView get(@PathVariable String id) {
        Caller caller = Caller.current();
        return view(disputes.get(caller, id), caller);
    }

    @PostMapping("/{id}/actions/{action}")
    DisputeView act(@PathVariable String id, @PathVariable String action,
                    @Valid @RequestBody(required = false) DisputeCommands.Act details) {
        Caller caller = Caller.current();
        DisputeAction chosen = DisputeAction.ofPath(action);
        if (chosen == DisputeAction.ADD_PARTY || chosen == DisputeAction.REQUEST_RECUSAL
                || chosen == DisputeAction.REVIEW_RECUSAL
                || chosen == DisputeAction.SCHEDULE_SESSION || chosen == DisputeAction.RECORD_SESSION) {
            // these have their own resources: /parties, /recusals and /sessions
            throw DomainException.notFound("UNKNOWN_ACTION", action);
        }
        return view(disputes.act(caller, id, chosen, details == null ? DisputeCommands.Act.NONE : details), caller);
    }

    /** A party the intake did not name (e.g. a hand-off of an anonymous call); name and phone are sealed. */
    @PostMapping("/{id}/parties")
    ResponseEntity<DisputeView.PartyView> addParty(@PathVariable String id,
                                                   @Valid @RequestBody DisputeCommands.NewParty command) {
        Party party = disputes.addParty(Caller.current(), id, command);
        return ResponseEntity.created(URI.create(PATH + "/" + id + "/parties/" + party.partyId()))
                .body(new DisputeView.PartyView(party.partyId(), party.name(), party.phone(), party.role(),
                        party.dialect(), false));
    }

    @PostMapping("/{id}/sessions")
    ResponseEntity<Dispute.Session> scheduleSession(@PathVariable String id,
                                                    @Valid @RequestBody DisputeCommands.NewSession command) {
        Dispute.Session session = disputes.scheduleSession(Caller.current(), id, command);
        return ResponseEntity.created(URI.create(PATH + "/" + id + "/sessions/" + session.sessionId())).body(session);
    }

    @PostMapping("/{id}/sessions/{sessionId}/actions/record")
    Dispute.Session recordSession(@PathVariable String id, @PathVariable String sessionId,
                                  @Valid @RequestBody DisputeCommands.SessionRecord command) {
        return disputes.recordSession(Caller.current(), id, sessionId, command);
    }

    /** A party objects to the mediator on the case (申请回避), with a reason; the organisation head reviews it. */
    @PostMapping("/{id}/recusals")
    ResponseEntity<Dispute.Recusal> requestRecusal(@PathVariable String id,
                                                   @Valid @RequestBody DisputeCommands.RecusalRequest command) {
        Dispute.Recusal recusal = disputes.requestRecusal(Caller.current(), id, command);
        return ResponseEntity.created(URI.create(PATH + "/" + id + "/recusals/" + recusal.recusalId())).body(recusal);
    }

    @PostMapping("/{id}/recusals/{recusalId}/actions/review")
    DisputeView reviewRecusal(@PathVariable String id, @PathVariable String recusalId,
                              @Valid @RequestBody DisputeCommands.RecusalReview command) {
        Caller caller = Caller.current();
        return view(disputes.reviewRecusal(caller, id, recusalId, command), caller);
    }

    /** Records that the parties applied for judicial confirmation of the agreement (within its 30 days). */
    @PostMapping("/{id}/agreement/judicial-confirmation")
    DisputeView judicialConfirmation(@PathVariable String id,
                                     @Valid @RequestBody DisputeCommands.JudicialConfirmation command) {
        Caller caller = Caller.current();
        return view(disputes.recordJudicialConfirmation(caller, id, command), caller);
    }

    /** A party's name and phone in clear: a stated purpose, a reveal role, a case the caller may see; audited. */
    @GetMapping("/{id}/parties/{partyId}/contact")
    Map<String, String> revealParty(@PathVariable String id, @PathVariable String partyId,
                                    @RequestParam(required = false) String purpose) {
        return disputes.revealParty(Caller.current(), id, partyId, purpose);
    }

    /** Mediators ranked for the case, each score explained factor by factor. */
    @GetMapping("/{id}/mediator-suggestions")
    @PreAuthorize("hasAnyRole('MEDIATOR', 'COMMANDER')")
    MediatorSuggestions.Suggestions suggest(@PathVariable String id,
                                            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return suggestions.suggest(disputes.get(Caller.current(), id), limit);
    }

    private DisputeView view(Dispute dispute, Caller caller) {
        return DisputeView.of(dispute, caller.subject(), disputes.now());
    }
}
