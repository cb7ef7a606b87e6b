package cn.lishui.police.grid.region;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A grid (网格): the smallest unit of the map, inside one village. The code is the village code
 * followed by three digits, and it is the document id.
 */
@Document("grids")
record Grid(@Id String code, String name, GridType type, @Indexed String villageCode, String townCode,
            @Indexed String countyCode, GeoPolygon boundary) {
}
