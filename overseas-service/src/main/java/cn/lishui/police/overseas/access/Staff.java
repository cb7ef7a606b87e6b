package cn.lishui.police.overseas.access;

import cn.lishui.police.platform.security.Caller;

/**
 * Who acts for whom. Station staff are staff accounts whose token names the overseas station they work at
 * (claim station_id); the home side (丽水 police and the command room) handles donations, allocations and
 * shipments; administrators and commanders see everything.
 */
public final class Staff {

    private static final String[] STAFF_ROLES = {"POLICE", "WINDOW_CLERK", "GRID_OFFICER", "COMMANDER", "ADMIN"};

    private Staff() {
    }

    /** Staff of this overseas station, or an administrator / commander. */
    public static boolean ofStation(Caller caller, String stationId) {
        if (overseeing(caller)) {
            return true;
        }
        return stationId != null && stationId.equals(caller.stationId()) && caller.hasAnyRole(STAFF_ROLES);
    }

    /** Staff at some overseas station (their token names one). */
    public static boolean atAStation(Caller caller) {
        return caller.stationId() != null && caller.hasAnyRole(STAFF_ROLES);
    }

    /** The home side that runs donations, inventory and shipments. */
    public static boolean home(Caller caller) {
        return caller.hasAnyRole("POLICE", "COMMANDER", "ADMIN");
    }

    /** Sees every station's records. */
    public static boolean overseeing(Caller caller) {
        return caller.hasAnyRole("COMMANDER", "ADMIN");
    }
}
