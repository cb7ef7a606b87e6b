package cn.lishui.police.grid.region;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A node of the administrative map. The division code is the document id, so it is unique by the
 * primary index and a lookup by code is a lookup by id.
 *
 * @param code       statistical division code (6 digits for a county, 12 for a town or village)
 * @param name       official Chinese name
 * @param nameEn     English name (pinyin with the division type)
 * @param level      county, town or village
 * @param parentCode code of the enclosing division (Lishui city, {@code 331100}, for a county)
 */
@Document("regions")
record Region(@Id String code, String name, String nameEn, @Indexed RegionLevel level, String parentCode) {
}
