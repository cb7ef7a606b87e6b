package cn.lishui.police.grid.officer;

import java.util.ArrayList;
import java.util.List;

import cn.lishui.police.grid.region.MapDirectory;
import cn.lishui.police.grid.region.MapDirectory.GridPlace;
import cn.lishui.police.grid.region.MapDirectory.Place;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.springframework.stereotype.Service;

/**
 * The police a village's people and other services turn to (contract 2 of session 2): its two chiefs
 * (一村两警长) and the grid officer of each of its covered grids (一格一警). Phones are shown masked.
 */
@Service
class VillageLiaison {

    record View(String villageCode, String villageName, String townCode, String countyCode, List<Chief> chiefs,
                List<GridLiaison> gridOfficers) {
    }

    record Chief(String officerId, String name, OfficerKind kind, String stationId, ProtectedValue phone) {
    }

    record GridLiaison(String gridCode, String gridName, String officerId, String name, OfficerKind kind,
                       String stationId, ProtectedValue phone) {
    }

    private final MapDirectory map;
    private final Assignments assignments;

    VillageLiaison(MapDirectory map, Assignments assignments) {
        this.map = map;
        this.assignments = assignments;
    }

    /** @throws DomainException 404 VILLAGE_NOT_FOUND when the code names no village */
    View of(String villageCode) {
        Place village = map.village(villageCode)
                .orElseThrow(() -> DomainException.notFound("VILLAGE_NOT_FOUND", villageCode));
        List<Chief> chiefs = assignments.villageChiefs(village.code()).stream()
                .map(o -> new Chief(o.id(), o.name(), o.kind(), o.stationId(), o.contactPhone())).toList();
        List<GridLiaison> grids = new ArrayList<>();
        for (GridPlace grid : map.gridsOfVillage(village.code())) {
            assignments.gridOfficer(grid.code()).ifPresent(o -> grids.add(new GridLiaison(grid.code(), grid.name(),
                    o.id(), o.name(), o.kind(), o.stationId(), o.contactPhone())));
        }
        return new View(village.code(), village.name(), village.parentCode(), village.code().substring(0, 6), chiefs,
                List.copyOf(grids));
    }
}
