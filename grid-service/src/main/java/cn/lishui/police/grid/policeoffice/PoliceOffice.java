package cn.lishui.police.grid.policeoffice;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import cn.lishui.police.grid.region.RegionLevel;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A community police office (警务室) in a village or a town, with the functions it offers, its opening
 * hours, and the mediation organisations and rescue teams stationed there (ids only: mediation-service
 * owns organisations).
 */
@Document("police_offices")
record PoliceOffice(@Id String id, String name, @Indexed String regionCode, RegionLevel level,
                    @Indexed String countyCode, String address, String phone, Set<OfficeFunction> functions,
                    List<OpeningHours> openingHours, List<String> mediationOrganisationIds,
                    List<String> rescueTeamIds, @Version Long version) {

    record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }
}
