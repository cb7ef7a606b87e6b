package cn.lishui.police.grid.officer;

import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A police or auxiliary officer sent down to the grids. The station id names the county it serves
 * ({@code station-331121-01}); the officer's assignments stay inside that county.
 *
 * @param nativeVillageCode the village the officer comes from (原籍), if known
 * @param contactPhone      encrypted, shown masked
 * @param account           the officer's user account in identity-service (the token's {@code sub}, or the
 *                          username), for "my villages / my grids"; the officer id itself also matches
 */
@Document("officers")
record Officer(@Id String id, String name, OfficerKind kind, String stationId, String countyCode,
               String nativeVillageCode, ProtectedValue contactPhone, @Indexed(sparse = true) String account,
               @Version Long version) {
}
