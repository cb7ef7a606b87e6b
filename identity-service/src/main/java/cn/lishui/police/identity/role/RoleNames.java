package cn.lishui.police.identity.role;

import java.util.Set;
import java.util.stream.Collectors;

/** The role names other features check against (the catalogue of {@link StandardRoles}). */
public final class RoleNames {

    public static final String CITIZEN = "CITIZEN";
    public static final String COMPATRIOT = "COMPATRIOT";
    public static final String ADMIN = "ADMIN";
    public static final String SERVICE = "SERVICE";

    private static final Set<String> PEOPLE = StandardRoles.ALL.stream()
            .filter(role -> role.kind() != RoleKind.MACHINE).map(Role::name)
            .collect(Collectors.toUnmodifiableSet());

    private RoleNames() {
    }

    /** Roles a person's account may hold: every role but the machine role SERVICE. */
    public static Set<String> assignableToPeople() {
        return PEOPLE;
    }
}
