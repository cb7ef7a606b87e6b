package cn.lishui.police.grid.region;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A node of the region tree; {@code children} is absent below the requested depth. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RegionNode(String code, String name, String nameEn, RegionLevel level, List<RegionNode> children) {
}
