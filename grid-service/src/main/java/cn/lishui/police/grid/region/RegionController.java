package cn.lishui.police.grid.region;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/grid")
class RegionController {

    private final Regions regions;

    RegionController(Regions regions) {
        this.regions = regions;
    }

    /** The nine county-level divisions of Lishui, by code. */
    @GetMapping("/counties")
    List<RegionView> counties() {
        return regions.counties().stream().map(RegionView::of).toList();
    }

    /** One region with its children (towns of a county, villages of a town, grids of a village). */
    @GetMapping("/regions/{code}")
    RegionDetail region(@PathVariable @Pattern(regexp = RegionCode.FORMAT, message = "{region.code.format}") String code) {
        Region region = regions.get(RegionCode.of(code));
        return new RegionDetail(region.code(), region.name(), region.nameEn(), region.level(), region.parentCode(),
                regions.children(region).stream().map(RegionView::of).toList(),
                regions.gridsOf(region).stream().map(RegionDetail.GridSummary::of).toList());
    }

    /** Regions whose name contains {@code q} as plain text. */
    @GetMapping("/regions")
    Page<RegionView> search(@RequestParam @NotBlank @Size(max = 50) String q, Pageable pageable) {
        return regions.search(q, pageable).map(RegionView::of);
    }

    /** The counties with their towns (depth 2, the default) and villages (depth 3). */
    @GetMapping("/regions/tree")
    List<RegionNode> tree(@RequestParam(defaultValue = "2") int depth) {
        return regions.tree(depth);
    }

    @GetMapping("/grids/{code}")
    GridView grid(@PathVariable @Pattern(regexp = GridCode.FORMAT, message = "{grid.code.format}") String code) {
        return GridView.of(regions.grid(code));
    }

    @PostMapping("/grids")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<GridView> createGrid(@Valid @RequestBody NewGrid command) {
        Grid grid = regions.createGrid(command);
        return ResponseEntity.created(URI.create("/api/grid/grids/" + grid.code())).body(GridView.of(grid));
    }

    @GetMapping("/stats/overview")
    Overview overview() {
        return regions.overview();
    }
}
