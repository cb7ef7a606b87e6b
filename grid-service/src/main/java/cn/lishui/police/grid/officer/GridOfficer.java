package cn.lishui.police.grid.officer;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The one grid officer of a grid (一格一警); the grid code is the id, so a second is refused by the store. */
@Document("grid_officers")
record GridOfficer(@Id String gridCode, String officerId) {
}
