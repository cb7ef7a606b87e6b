package cn.lishui.police.grid.officer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.lishui.police.grid.region.MapDirectory;
import cn.lishui.police.grid.region.MapDirectory.GridPlace;
import cn.lishui.police.grid.region.MapDirectory.Place;
import cn.lishui.police.platform.error.DomainException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The coverage report: per county and town, the villages without their two chiefs (一村两警长) and the
 * grids without a grid officer (一格一警); per county, how many chiefs lead the village they come from
 * (原籍, e.g. the officers 莲都 sent back to their native villages).
 */
@Service
class Coverage {

    /** The report for one county or all of them. */
    record Report(List<CountyCoverage> counties) {
    }

    record CountyCoverage(String code, String name, long villages, long villagesWithTwoChiefs, long grids,
                          long gridsCovered, long chiefsFromTheirVillage, List<TownCoverage> towns) {
    }

    record TownCoverage(String code, String name, long villages, long villagesWithTwoChiefs, long grids,
                        long gridsCovered, List<VillageGap> villagesWithoutTwoChiefs, List<String> gridsWithoutOfficer) {
    }

    /** A village short of chiefs, and how many it has. */
    record VillageGap(String code, String name, int chiefs) {
    }

    private final MongoTemplate mongo;
    private final MapDirectory map;

    Coverage(MongoTemplate mongo, MapDirectory map) {
        this.mongo = mongo;
        this.map = map;
    }

    Report report(String countyCode) {
        List<Place> counties;
        if (countyCode == null || countyCode.isBlank()) {
            counties = map.counties();
        } else {
            counties = List.of(map.county(countyCode)
                    .orElseThrow(() -> DomainException.notFound("REGION_NOT_FOUND", countyCode)));
        }
        return new Report(counties.stream().map(this::county).toList());
    }

    private CountyCoverage county(Place county) {
        List<Place> villages = map.villagesUnder(county.code());
        List<GridPlace> grids = map.gridsOfCounty(county.code());
        Map<String, String> nativeVillageOf = new HashMap<>();
        Query natives = Query.query(Criteria.where("countyCode").is(county.code()).and("nativeVillageCode").ne(null));
        natives.fields().include("nativeVillageCode");
        mongo.find(natives, Officer.class).forEach(o -> nativeVillageOf.put(o.id(), o.nativeVillageCode()));
        Map<String, Integer> chiefCounts = new HashMap<>();
        long[] fromTheirVillage = {0};
        mongo.find(Query.query(Criteria.where("_id").regex("^" + county.code())), VillageChiefs.class)
                .forEach(c -> {
                    chiefCounts.put(c.villageCode(), c.chiefs().size());
                    fromTheirVillage[0] += c.chiefs().stream()
                            .filter(chief -> c.villageCode().equals(nativeVillageOf.get(chief.officerId()))).count();
                });
        Set<String> covered = new HashSet<>();
        mongo.find(Query.query(Criteria.where("_id").regex("^" + county.code())), GridOfficer.class)
                .forEach(g -> covered.add(g.gridCode()));

        List<TownCoverage> towns = new ArrayList<>();
        Map<String, String> townNames = new HashMap<>();
        map.townsOf(county.code()).forEach(t -> townNames.put(t.code(), t.name()));
        Set<String> townCodes = new java.util.TreeSet<>(townNames.keySet());
        villages.forEach(v -> townCodes.add(v.parentCode()));
        grids.forEach(g -> townCodes.add(g.townCode()));
        for (String town : townCodes) {
            List<Place> townVillages = villages.stream().filter(v -> town.equals(v.parentCode())).toList();
            List<GridPlace> townGrids = grids.stream().filter(g -> town.equals(g.townCode())).toList();
            List<VillageGap> gaps = townVillages.stream()
                    .filter(v -> chiefCounts.getOrDefault(v.code(), 0) < 2)
                    .map(v -> new VillageGap(v.code(), v.name(), chiefCounts.getOrDefault(v.code(), 0))).toList();
            List<String> uncovered = townGrids.stream().map(GridPlace::code).filter(g -> !covered.contains(g)).toList();
            towns.add(new TownCoverage(town, townNames.get(town), townVillages.size(),
                    townVillages.size() - gaps.size(), townGrids.size(), townGrids.size() - uncovered.size(),
                    gaps, uncovered));
        }
        return new CountyCoverage(county.code(), county.name(), villages.size(),
                towns.stream().mapToLong(TownCoverage::villagesWithTwoChiefs).sum(), grids.size(),
                towns.stream().mapToLong(TownCoverage::gridsCovered).sum(), fromTheirVillage[0], towns);
    }
}
