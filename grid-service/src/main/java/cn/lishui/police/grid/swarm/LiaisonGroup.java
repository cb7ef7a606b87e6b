package cn.lishui.police.grid.swarm;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A liaison group (蜂群) of a police station: volunteers, shop keepers, security guards, grid workers. */
@Document("liaison_groups")
record LiaisonGroup(@Id String id, String name, @Indexed String stationId, @Indexed String countyCode,
                    String townCode, String createdBy, Instant createdAt, @Version Long version) {
}
