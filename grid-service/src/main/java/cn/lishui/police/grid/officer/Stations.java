package cn.lishui.police.grid.officer;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.region.LishuiCounty;

/** Police stations are named after the county they serve: {@code station-<county code>-<nn>}. */
final class Stations {

    static final String FORMAT = "station-\\d{6}-\\d{2}";

    private Stations() {
    }

    static String countyOf(String stationId) {
        String county = stationId.substring("station-".length(), "station-".length() + 6);
        if (!LishuiCounty.isCountyCode(county)) {
            throw DomainException.unprocessable("UNKNOWN_STATION", stationId);
        }
        return county;
    }
}
