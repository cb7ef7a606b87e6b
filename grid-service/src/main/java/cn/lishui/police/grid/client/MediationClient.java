package cn.lishui.police.grid.client;

import java.time.Instant;
import java.util.List;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * grid-service's own view of mediation-service (contract 4, 110 联调): only the hand-off it sends and the
 * fields of the answer it reads. The Idempotency-Key is {@code incident-handoff-<incidentId>} on every attempt.
 */
@FeignClient(name = "mediation", url = "${fengqiao.clients.mediation.url:http://127.0.0.1:8082}")
public interface MediationClient {

    /** A dispute-category incident handed to mediation. */
    record IncidentHandoff(String incidentId, String incidentNumber, String countyCode, String villageCode,
                           String category, String description, Instant occurredAt, List<Party> parties,
                           String handedOffBy) {
    }

    /** A party; name and phone in clear, for the mediator (the reveal is audited in grid-service). */
    record Party(String name, String phone, String role) {
    }

    /** What mediation answers: 201 the first time, 200 with the same dispute after. */
    record Receipt(String disputeId, String status, String incidentId) {
    }

    /** Mediation's dispute categories (contract 4). */
    enum DisputeCategory {
        NEIGHBOUR, MARRIAGE_FAMILY, LAND_PROPERTY, LABOUR_WAGES, CONSUMER, TRAFFIC_ACCIDENT, COMMERCIAL, OTHER
    }

    @PostMapping(value = "/api/mediation/incident-handoffs", consumes = MediaType.APPLICATION_JSON_VALUE)
    Receipt handOff(@RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody IncidentHandoff handoff);
}
