package cn.lishui.police.identity.staff;

import java.util.Set;

import cn.lishui.police.identity.role.RoleNames;
import cn.lishui.police.platform.error.DomainException;

/**
 * Which roles need an area: officers, police, mediators and window clerks work in a county (their
 * object-level rules depend on it), a mediator also in an organisation.
 */
final class StaffAreas {

    static final Set<String> COUNTY_SCOPED = Set.of("GRID_OFFICER", "POLICE", "MEDIATOR", "WINDOW_CLERK");

    private StaffAreas() {
    }

    static void check(NewStaffMember member) {
        for (String role : member.roles()) {
            if (!RoleNames.assignableToPeople().contains(role)) {
                throw DomainException.badRequest("UNKNOWN_ROLE", role);
            }
        }
        for (String role : member.roles()) {
            if (COUNTY_SCOPED.contains(role) && member.countyCode() == null) {
                throw DomainException.badRequest("AREA_REQUIRED", role, "countyCode");
            }
            if ("MEDIATOR".equals(role) && member.organisationId() == null) {
                throw DomainException.badRequest("AREA_REQUIRED", role, "organisationId");
            }
        }
    }
}
