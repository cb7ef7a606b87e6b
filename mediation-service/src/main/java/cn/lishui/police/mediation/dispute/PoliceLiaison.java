package cn.lishui.police.mediation.dispute;

import java.time.Instant;
import java.util.List;

/**
 * 警调联动: the police of the dispute's village (its two chiefs and the grid officers), as grid-service gave them
 * at intake or assignment; phones come masked from grid-service.
 */
record PoliceLiaison(String villageCode, String villageName, String townCode, List<Officer> chiefs,
                     List<Officer> gridOfficers, Instant fetchedAt) {

    record Officer(String officerId, String name, String kind, String stationId, String phone, String gridCode,
                   String gridName) {
    }
}
