package cn.lishui.police.grid.region;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.springframework.data.domain.Sort;

import org.springframework.stereotype.Component;

/** What other features of grid-service may ask of the map. */
@Component
public class MapDirectory {

    private final RegionRepository regions;
    private final GridRepository grids;
    private final MongoTemplate mongo;
    private final GridLocator locator;

    MapDirectory(RegionRepository regions, GridRepository grids, MongoTemplate mongo, GridLocator locator) {
        this.regions = regions;
        this.grids = grids;
        this.mongo = mongo;
        this.locator = locator;
    }

    /**
     * The first grid (lowest code) of every village that has grids, village code to grid code, in one read
     * of the grid codes (no boundaries): what {@link #gridsOfVillage} gives first, for all villages at once.
     */
    public Map<String, String> firstGridByVillage() {
        Map<String, String> first = new HashMap<>();
        mongo.getCollection(mongo.getCollectionName(Grid.class)).find()
                .projection(new Document("villageCode", 1)).forEach(grid -> {
                    String village = grid.getString("villageCode");
                    String code = grid.getString("_id");
                    if (village != null) {
                        first.merge(village, code, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                    }
                });
        return first;
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

    /** A region as other features list it. */
    public record Place(String code, String name, String parentCode) {
    }

    /** A grid as other features list it. */
    public record GridPlace(String code, String name, String villageCode, String townCode, String countyCode) {
    }

    /** The level of a stored region. */
    public Optional<RegionLevel> levelOf(String code) {
        return code == null ? Optional.empty() : regions.findById(code).map(Region::level);
    }

    /** The county, if the code names one of the stored counties. */
    public Optional<Place> county(String code) {
        return regions.findById(code).filter(r -> r.level() == RegionLevel.COUNTY).map(MapDirectory::place);
    }

    /** Every stored county, in order. */
    public List<Place> counties() {
        return regions.findByLevelOrderByCode(RegionLevel.COUNTY).stream().map(MapDirectory::place).toList();
    }

    /** The towns of a county, in order. */
    public List<Place> townsOf(String countyCode) {
        return regions.findByParentCodeOrderByCode(countyCode).stream().map(MapDirectory::place).toList();
    }

    /** The villages whose code starts with the prefix (a county or town code without its zeros), in order. */
    public List<Place> villagesUnder(String codePrefix) {
        return regions.findByLevelOrderByCode(RegionLevel.VILLAGE).stream()
                .filter(r -> r.code().startsWith(codePrefix)).map(MapDirectory::place).toList();
    }

    /** The grids of a county, in order. */
    public List<GridPlace> gridsOfCounty(String countyCode) {
        return grids.findByCountyCodeOrderByCode(countyCode).stream().map(MapDirectory::gridPlace).toList();
    }

    /** The grids with these codes, in order. */
    public List<GridPlace> grids(java.util.Collection<String> codes) {
        return grids.findAllById(codes).stream().map(MapDirectory::gridPlace)
                .sorted(java.util.Comparator.comparing(GridPlace::code)).toList();
    }

    /** The regions with these codes, in order. */
    public List<Place> regions(java.util.Collection<String> codes) {
        return regions.findAllById(codes).stream().map(MapDirectory::place)
                .sorted(java.util.Comparator.comparing(Place::code)).toList();
    }

    /** An existing grid. */
    public Optional<GridPlace> grid(String code) {
        return code == null ? Optional.empty() : grids.findById(code).map(MapDirectory::gridPlace);
    }

    private static Place place(Region region) {
        return new Place(region.code(), region.name(), region.parentCode());
    }

    private static GridPlace gridPlace(Grid grid) {
        return new GridPlace(grid.code(), grid.name(), grid.villageCode(), grid.townCode(), grid.countyCode());
    }

    /** A stored village (行政村/社区), if the code names one. */
    public Optional<Place> village(String code) {
        // every intake by village code asks: answered from the locator's copy of the regions, the store only for
        // a region that copy does not have (before the first rebuild)
        return code == null ? Optional.empty()
                : locator.region(code).or(() -> regions.findById(code))
                        .filter(r -> r.level() == RegionLevel.VILLAGE).map(MapDirectory::place);
    }

    /** The grids of a village, in order. */
    public List<GridPlace> gridsOfVillage(String villageCode) {
        return grids.findByVillageCodeOrderByCode(villageCode).stream().map(MapDirectory::gridPlace).toList();
    }

    /** The village code of an existing grid. */
    public Optional<String> villageOfGrid(String gridCode) {
        return grids.findById(gridCode).map(Grid::villageCode);
    }
}
