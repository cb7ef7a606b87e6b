package cn.lishui.police.grid.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.mongo.MongoPages;
import cn.lishui.police.platform.region.LishuiCounty;
import org.bson.Document;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads of the administrative map, and the grids written into it. */
@Service
class Regions {

    static final int MAX_TREE_DEPTH = 3;

    private final RegionRepository repository;
    private final GridRepository grids;
    private final MongoTemplate mongo;
    private final GridLocator locator;
    private final OverviewCache overviews;

    Regions(RegionRepository repository, GridRepository grids, MongoTemplate mongo, GridLocator locator,
            OverviewCache overviews) {
        this.repository = repository;
        this.grids = grids;
        this.mongo = mongo;
        this.locator = locator;
        this.overviews = overviews;
    }

    List<Region> counties() {
        return repository.findByLevelOrderByCode(RegionLevel.COUNTY);
    }

    Region get(RegionCode code) {
        return repository.findById(code.value())
                .orElseThrow(() -> DomainException.notFound("REGION_NOT_FOUND", code.value()));
    }

    List<Region> children(Region region) {
        return repository.findByParentCodeOrderByCode(region.code());
    }

    List<Grid> gridsOf(Region village) {
        return village.level() == RegionLevel.VILLAGE ? grids.findByVillageCodeOrderByCode(village.code()) : List.of();
    }

    /** Regions whose name contains the text literally (regex metacharacters match themselves). */
    Page<Region> search(String text, Pageable pageable) {
        Query query = Query.query(Criteria.where("name").regex(Pattern.quote(text)));
        return MongoPages.find(mongo, query, pageable, Sort.by("code"), Region.class);
    }

    /** Counties with their descendants down to {@code depth} levels (1 = counties only). */
    List<RegionNode> tree(int depth) {
        if (depth < 1 || depth > MAX_TREE_DEPTH) {
            throw DomainException.badRequest("INVALID_TREE_DEPTH", MAX_TREE_DEPTH);
        }
        List<RegionLevel> levels = List.of(RegionLevel.values()).subList(0, depth);
        Map<String, List<Region>> byParent = mongo.find(Query.query(Criteria.where("level").in(levels)), Region.class)
                .stream().sorted(Comparator.comparing(Region::code))
                .collect(Collectors.groupingBy(Region::parentCode));
        return nodes(byParent, LishuiCounty.LISHUI_CITY, depth);
    }

    private static List<RegionNode> nodes(Map<String, List<Region>> byParent, String parentCode, int depth) {
        List<RegionNode> nodes = new ArrayList<>();
        for (Region region : byParent.getOrDefault(parentCode, List.of())) {
            nodes.add(new RegionNode(region.code(), region.name(), region.nameEn(), region.level(),
                    depth > 1 ? nodes(byParent, region.code(), depth - 1) : null));
        }
        return nodes;
    }

    Grid grid(String code) {
        return grids.findById(code).orElseThrow(() -> DomainException.notFound("GRID_NOT_FOUND", code));
    }

    /** Adds a grid to a village; its boundary must be a valid polygon. The locator sees it at once. */
    Grid createGrid(NewGrid command) {
        Region village = get(RegionCode.of(command.villageCode()));
        if (village.level() != RegionLevel.VILLAGE) {
            throw DomainException.unprocessable("NOT_A_VILLAGE", village.code());
        }
        Boundaries.toPolygon(command.boundary());
        long next = grids.findByVillageCodeOrderByCode(village.code()).stream()
                .mapToLong(grid -> Long.parseLong(grid.code().substring(12))).max().orElse(0) + 1;
        if (next > 999) {
            throw DomainException.conflict("VILLAGE_GRIDS_EXHAUSTED", village.code());
        }
        Grid grid = new Grid(village.code() + String.format("%03d", next), command.name(), command.type(),
                village.code(), village.parentCode(), village.code().substring(0, 6), command.boundary());
        mongo.insert(grid);
        locator.rebuild();
        return grid;
    }

    /** The overview, computed again only when what it counts has changed ({@link OverviewCache}). */
    Overview overview() {
        return overviews.get(this::countOverview);
    }

    private Overview countOverview() {
        List<Overview.County> perCounty = counties().stream().map(county -> new Overview.County(county.code(),
                county.name(), countUnder(county.code(), RegionLevel.TOWN), countUnder(county.code(), RegionLevel.VILLAGE),
                grids.countByCountyCode(county.code()))).toList();
        // The officer collections belong to the officer feature; the overview only counts their documents.
        Overview.Officers officers = new Overview.Officers(
                mongo.getCollection("officers").countDocuments(new Document("kind", "POLICE")),
                mongo.getCollection("officers").countDocuments(new Document("kind", "AUXILIARY")));
        return new Overview(perCounty.size(), perCounty.stream().mapToLong(Overview.County::towns).sum(),
                perCounty.stream().mapToLong(Overview.County::villages).sum(),
                perCounty.stream().mapToLong(Overview.County::grids).sum(), officers,
                mongo.getCollection("village_chiefs").countDocuments(new Document("chiefs", new Document("$size", 2))),
                mongo.getCollection("grid_officers").countDocuments(), perCounty);
    }

    private long countUnder(String countyCode, RegionLevel level) {
        return mongo.count(Query.query(Criteria.where("level").is(level).and("_id").regex("^" + countyCode)),
                Region.class);
    }
}
