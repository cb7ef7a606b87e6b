package cn.lishui.police.identity.role;

/** A role as the API shows it. */
record RoleView(String name, String displayName, String displayNameEn, String description, String descriptionEn,
                RoleKind kind) {

    static RoleView of(Role role) {
        return new RoleView(role.name(), role.displayName(), role.displayNameEn(), role.description(),
                role.descriptionEn(), role.kind());
    }
}
