package cn.lishui.police.identity.signup;

import java.net.URI;
import java.util.Set;

import cn.lishui.police.identity.role.RoleNames;
import cn.lishui.police.identity.user.Accounts;
import cn.lishui.police.identity.user.NewAccount;
import cn.lishui.police.identity.user.UserView;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public sign-up. The username is generated (so the phone or e-mail never becomes a plaintext
 * sign-in name); people sign in with their phone number or e-mail address, or with that username.
 */
@RestController
@RequestMapping("/api/identity")
class SignUpController {

    private final Accounts accounts;

    SignUpController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/citizens")
    ResponseEntity<UserView> citizen(@Valid @RequestBody CitizenSignUp request) {
        return created(UserView.of(accounts.register(new NewAccount(null, "citizen", request.password(),
                request.displayName(), request.phone(), null, Set.of(RoleNames.CITIZEN), null, null, null, null))));
    }

    @PostMapping("/compatriots")
    ResponseEntity<UserView> compatriot(@Valid @RequestBody CompatriotSignUp request) {
        return created(UserView.of(accounts.register(new NewAccount(null, "compatriot", request.password(),
                request.displayName(), null, request.email(), Set.of(RoleNames.COMPATRIOT), null, null, null,
                request.countryOfResidence()))));
    }

    private static ResponseEntity<UserView> created(UserView user) {
        return ResponseEntity.created(URI.create("/api/identity/users/" + user.id())).body(user);
    }
}
