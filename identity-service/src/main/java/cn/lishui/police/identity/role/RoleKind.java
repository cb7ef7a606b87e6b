package cn.lishui.police.identity.role;

/** Who holds a role, which decides how an account gets it. */
public enum RoleKind {
    /** People who sign up themselves: citizens, enterprises, overseas compatriots. */
    PUBLIC,
    /** Staff, provisioned by an administrator. */
    STAFF,
    /** Machine clients of the platform's own services. */
    MACHINE
}
