package cn.lishui.police.grid.region;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;

import org.springframework.stereotype.Component;

/** What other features of grid-service may ask of the map. */
@Component
public class MapDirectory {

    private final RegionRepository regions;
    private final GridRepository grids;

    MapDirectory(RegionRepository regions, GridRepository grids) {
        this.regions = regions;
        this.grids = grids;
    }

    public boolean isVillage(String code) {
        return code != null && regions.findById(code).filter(r -> r.level() == RegionLevel.VILLAGE).isPresent();
    }

    /** Every village code, in order. */
    public List<String> villageCodes() {
        return regions.findByLevelOrderByCode(RegionLevel.VILLAGE).stream().map(Region::code).toList();
    }

    /** Every grid code, in order. */
    public List<String> gridCodes() {
        return grids.findAll(Sort.by("code")).stream().map(Grid::code).toList();
    }

    /** The village code of an existing grid. */
    public Optional<String> villageOfGrid(String gridCode) {
        return grids.findById(gridCode).map(Grid::villageCode);
    }
}
