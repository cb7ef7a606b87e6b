package cn.lishui.police.grid.market;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A rural market with police stalls (赶街警务): on each market day {@code stallsPerDay} officers of the pool
 * staff a stall offering the market's services, in a rotation fixed by the date.
 */
@Document("markets")
record Market(@Id String id, String name, String villageCode, String townCode, @Indexed String countyCode,
              MarketSchedule schedule, List<String> services, List<StallOfficer> officers, int stallsPerDay,
              @Version Long version) {

    record StallOfficer(String officerId, String name) {
    }
}
