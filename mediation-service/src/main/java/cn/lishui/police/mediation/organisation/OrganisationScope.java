package cn.lishui.police.mediation.organisation;

import cn.lishui.police.platform.security.Caller;

/**
 * The organisations a caller may see (object-level authorisation, OWASP API1). A mediator works in
 * the county of their token ({@code county_code}) and sees that county's organisations only; a
 * mediator whose token names no county sees none. ADMIN and COMMANDER see every county, also when
 * they hold MEDIATOR besides. Other staff and citizens read the whole register: it is the directory
 * of where a dispute can be taken.
 *
 * @param everyCounty whether the caller sees every county
 * @param countyCode  the one county the caller sees when not every county ({@code null}: none)
 */
record OrganisationScope(boolean everyCounty, String countyCode) {

    static final OrganisationScope EVERY_COUNTY = new OrganisationScope(true, null);

    static OrganisationScope of(Caller caller) {
        if (caller.hasRole("MEDIATOR") && !caller.hasAnyRole("ADMIN", "COMMANDER")) {
            return new OrganisationScope(false, caller.countyCode());
        }
        return EVERY_COUNTY;
    }

    boolean covers(String county) {
        return everyCounty || (countyCode != null && countyCode.equals(county));
    }
}
