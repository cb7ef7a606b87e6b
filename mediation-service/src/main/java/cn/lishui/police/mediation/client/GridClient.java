package cn.lishui.police.mediation.client;

import java.util.List;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The parts of grid-service mediation-service uses (contracts 1 and 2 of contracts-s2.md), read tolerantly:
 * only the fields used here are declared. Timeouts and the circuit breaker are the platform's per client name.
 */
@FeignClient(name = "grid", url = "${fengqiao.clients.grid.url}")
public interface GridClient {

    /** Contract 1: a region; a village has level VILLAGE; 404 when unknown, 400 when malformed. */
    @GetMapping("/api/grid/regions/{code}")
    Region region(@PathVariable("code") String code);

    /** Contract 2: the police liaison of a village (chiefs and grid officers); 404 when not a village. */
    @GetMapping("/api/grid/villages/{code}/liaison")
    Liaison liaison(@PathVariable("code") String code);

    record Region(String code, String name, String level, String parentCode) {
    }

    record Liaison(String villageCode, String villageName, String townCode, String countyCode, List<Officer> chiefs,
                   List<Officer> gridOfficers) {
    }

    record Officer(String officerId, String name, String kind, String stationId, String phone, String gridCode,
                   String gridName) {
    }
}
