package cn.lishui.police.grid.region;

import java.util.List;

/** A region with its child regions and, for a village, its grids (without boundaries). */
record RegionDetail(String code, String name, String nameEn, RegionLevel level, String parentCode,
                    List<RegionView> children, List<GridSummary> grids) {

    record GridSummary(String code, String name, GridType type) {

        static GridSummary of(Grid grid) {
            return new GridSummary(grid.code(), grid.name(), grid.type());
        }
    }
}
