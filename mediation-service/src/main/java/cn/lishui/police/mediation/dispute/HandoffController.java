package cn.lishui.police.mediation.dispute;

import java.net.URI;

import cn.lishui.police.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Contract 4, 110 联调: grid-service hands a police incident off for mediation. */
@RestController
class HandoffController {

    record Receipt(String disputeId, DisputeStatus status, String incidentId) {
    }

    private final Disputes disputes;

    HandoffController(Disputes disputes) {
        this.disputes = disputes;
    }

    /** 201 + Location the first time; the same incident again (with any key) 200 with the same dispute. */
    @PostMapping("/api/mediation/incident-handoffs")
    @PreAuthorize("hasAnyRole('SERVICE', 'COMMANDER', 'POLICE', 'GRID_OFFICER')")
    ResponseEntity<Receipt> handOff(@Valid @RequestBody DisputeCommands.IncidentHandoff command) {
        Disputes.Handoff handoff = disputes.handOff(Caller.current(), command);
        Dispute dispute = handoff.dispute();
        Receipt receipt = new Receipt(dispute.id(), dispute.status(), dispute.incidentId());
        if (!handoff.created()) {
            return ResponseEntity.status(HttpStatus.OK)
                    .location(URI.create(DisputeController.PATH + "/" + dispute.id())).body(receipt);
        }
        return ResponseEntity.created(URI.create(DisputeController.PATH + "/" + dispute.id())).body(receipt);
    }
}
