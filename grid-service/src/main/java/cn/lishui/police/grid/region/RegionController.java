package cn.lishui.police.grid.region;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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

    @GetMapping("/regions/{code}")
    RegionView region(@PathVariable @Pattern(regexp = RegionCode.FORMAT, message = "{region.code.format}") String code) {
        return RegionView.of(regions.get(RegionCode.of(code)));
    }
}
