package cn.lishui.police.grid.market;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A backpack policing work point (背包警务): a place in a remote village where an officer comes with a
 * "backpack" of services on set days.
 */
@Document("backpack_points")
record BackpackPoint(@Id String id, String name, String villageCode, String townCode, @Indexed String countyCode,
                     List<String> services, Set<DayOfWeek> visitDays, String hours, String officerId,
                     String officerName) {
}
