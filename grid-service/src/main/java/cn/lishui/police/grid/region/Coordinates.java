package cn.lishui.police.grid.region;

import cn.lishui.police.platform.error.DomainException;

/** WGS-84 latitude and longitude, finite and in range. */
record Coordinates(double lat, double lng) {

    Coordinates {
        if (!valid(lat, lng)) {
            throw DomainException.badRequest("INVALID_COORDINATES");
        }
    }

    static boolean valid(double lat, double lng) {
        return Double.isFinite(lat) && Double.isFinite(lng) && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180;
    }
}
