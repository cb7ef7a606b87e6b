package cn.lishui.police.overseas.client;

import java.time.Instant;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/** What overseas-service needs of grid-service (contracts 1 and 3); a tolerant reader of its answers. */
@FeignClient(name = "grid", url = "${fengqiao.clients.grid.url:http://127.0.0.1:8081}")
public interface GridClient {

    /** Contract 1: a region; a village has level VILLAGE. 404 when unknown, 400 when malformed. */
    @GetMapping("/api/grid/regions/{code}")
    Region region(@PathVariable("code") String code);

    /** Contract 3: asks the village's grid officer for a family-care visit; the same requestRef gives the same visit. */
    @PostMapping(value = "/api/grid/care-visits", consumes = MediaType.APPLICATION_JSON_VALUE)
    CareVisit requestCareVisit(@RequestHeader("Idempotency-Key") String idempotencyKey,
                               @RequestBody CareVisitRequest request);

    @GetMapping("/api/grid/care-visits/{id}")
    CareVisit careVisit(@PathVariable("id") String id);

    record Region(String code, String name, String nameEn, String level, String parentCode) {

        public boolean village() {
            return "VILLAGE".equals(level);
        }
    }

    record CareVisitRequest(String villageCode, String requestRef, String familyMembers, String note,
                            String requestedBy) {
    }

    record CareVisit(String id, String villageCode, String gridCode, String officerId, String officerName,
                     String status, String requestRef, Instant createdAt, Instant visitedAt, String result) {
    }
}
