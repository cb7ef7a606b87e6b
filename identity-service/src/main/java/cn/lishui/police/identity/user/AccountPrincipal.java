package cn.lishui.police.identity.user;

import java.io.Serializable;
import java.security.Principal;

/**
 * The signed-in user inside Spring Security: its name is the account id, so every token's {@code sub}
 * is the stable id, while {@code preferred_username} carries the username.
 */
public record AccountPrincipal(String id, String username) implements Principal, Serializable {

    @Override
    public String getName() {
        return id;
    }
}
