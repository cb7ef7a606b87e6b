package cn.lishui.police.overseas.station;

import cn.lishui.police.platform.region.LishuiCounty;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A station as the API shows it. */
record StationView(String id, String name, String country, String city, String homeCountyCode,
                   String homeCountyName, String contactPhone, Instant createdAt, Instant updatedAt) {

    static StationView of(Station station) {
        String countyName = LishuiCounty.ofCode(station.homeCountyCode()).map(LishuiCounty::chineseName).orElse(null);
        return new StationView(station.id(), station.name(), station.country(), station.city(),
                station.homeCountyCode(), countyName, station.contactPhone(), millis(station.createdAt()),
                millis(station.updatedAt()));
    }

    /** MongoDB keeps milliseconds: the answer to a POST shows what a later GET will show. */
    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
