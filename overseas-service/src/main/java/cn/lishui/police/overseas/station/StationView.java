package cn.lishui.police.overseas.station;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.lishui.police.platform.personaldata.ProtectedValue;
import cn.lishui.police.platform.region.LishuiCounty;

/**
 * A station as the API shows it: contacts masked, and the station's local time now (so a compatriot or the
 * home side sees at a glance whether it is office hours there).
 */
record StationView(String id, String name, String country, String city, String timeZone, LocalDateTime localTime,
                   String utcOffset, String homeCountyCode, String homeCountyName, String hostOrganisation,
                   ProtectedValue contactName, ProtectedValue contactPhone, List<String> languages,
                   List<StationService> services, boolean active, Instant createdAt, Instant updatedAt) {

    static StationView of(Station station, Instant now) {
        String countyName = LishuiCounty.ofCode(station.homeCountyCode()).map(LishuiCounty::chineseName).orElse(null);
        ZonedDateTime local = now.atZone(ZoneId.of(station.timeZone()));
        return new StationView(station.id(), station.name(), station.country(), station.city(), station.timeZone(),
                local.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS), local.getOffset().getId(),
                station.homeCountyCode(), countyName, station.hostOrganisation(), station.contactName(),
                station.contactPhone(), station.languages(), station.services(), station.active(),
                millis(station.createdAt()), millis(station.updatedAt()));
    }

    /** MongoDB keeps milliseconds: the answer to a POST shows what a later GET will show. */
    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
