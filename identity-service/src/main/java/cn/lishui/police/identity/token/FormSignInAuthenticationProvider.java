package cn.lishui.police.identity.token;

import cn.lishui.police.identity.user.PasswordSignIn;
import cn.lishui.police.identity.user.SignInRefusedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The login form of the authorization-code flow, through the same sign-in (and lockout) as the password grant. */
final class FormSignInAuthenticationProvider implements AuthenticationProvider {

    private final PasswordSignIn signIn;

    FormSignInAuthenticationProvider(PasswordSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        try {
            return SignedInUsers.of(signIn.signIn(name, credentials == null ? null : credentials.toString()));
        } catch (SignInRefusedException refused) {
            throw refused.reason() == SignInRefusedException.Reason.LOCKED
                    ? new LockedException(refused.reason().description())
                    : new BadCredentialsException(refused.reason().description());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
