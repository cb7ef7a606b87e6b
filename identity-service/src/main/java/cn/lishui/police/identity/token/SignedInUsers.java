package cn.lishui.police.identity.token;

import java.util.ArrayList;
import java.util.List;

import cn.lishui.police.identity.user.AccountPrincipal;
import cn.lishui.police.identity.user.UserAccount;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The Spring Security authentication of a user who signed in with a password. */
final class SignedInUsers {

    private SignedInUsers() {
    }

    static UsernamePasswordAuthenticationToken of(UserAccount account) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        account.roles().stream().sorted().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        // when and how the user authenticated: the ID token's auth_time comes from it
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        return UsernamePasswordAuthenticationToken.authenticated(
                new AccountPrincipal(account.id(), account.username()), null, authorities);
    }
}
