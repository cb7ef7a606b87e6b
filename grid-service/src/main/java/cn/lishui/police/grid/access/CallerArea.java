package cn.lishui.police.grid.access;

import java.util.Optional;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.security.Caller;

/**
 * The part of the map a caller may see: everything for COMMANDER and ADMIN, else the county of the
 * token's {@code county_code} claim. A caller without one sees nothing (403 NO_CALLER_AREA).
 */
public final class CallerArea {

    private CallerArea() {
    }

    /** The county the caller is limited to, or empty when the caller sees all of Lishui. */
    public static Optional<String> countyOf(Caller caller) {
        if (caller.hasAnyRole("COMMANDER", "ADMIN")) {
            return Optional.empty();
        }
        if (caller.countyCode() == null || caller.countyCode().isBlank()) {
            throw DomainException.forbidden("NO_CALLER_AREA");
        }
        return Optional.of(caller.countyCode());
    }

    public static boolean covers(Caller caller, String countyCode) {
        return countyOf(caller).map(county -> county.equals(countyCode)).orElse(true);
    }
}
