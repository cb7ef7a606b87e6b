package cn.lishui.police.identity.user;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/users")
class UserController {

    private final Accounts accounts;

    UserController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The caller's own profile. */
    @GetMapping("/me")
    UserView me() {
        Caller caller = Caller.current();
        return accounts.findById(caller.subject()).map(UserView::of)
                .orElseThrow(() -> DomainException.notFound("USER_NOT_FOUND"));
    }

    /** ADMIN reads anyone; everybody else only themselves, and learns nothing about other ids (404 either way). */
    @GetMapping("/{id}")
    UserView user(@PathVariable String id) {
        Caller caller = Caller.current();
        if (!caller.hasRole("ADMIN") && !id.equals(caller.subject())) {
            throw DomainException.notFound("USER_NOT_FOUND");
        }
        return accounts.findById(id).map(UserView::of).orElseThrow(() -> DomainException.notFound("USER_NOT_FOUND"));
    }
}
