package cn.lishui.police.identity.staff;

import java.net.URI;

import cn.lishui.police.identity.user.Accounts;
import cn.lishui.police.identity.user.NewAccount;
import cn.lishui.police.identity.user.UserView;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/staff")
class StaffController {

    private final Accounts accounts;

    StaffController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<UserView> create(@Valid @RequestBody NewStaffMember member) {
        StaffAreas.check(member);
        UserView created = UserView.of(accounts.register(new NewAccount(member.username(), null, member.password(),
                member.displayName(), member.phone(), member.email(), member.roles(), member.countyCode(),
                member.stationId(), member.organisationId(), null)));
        return ResponseEntity.created(URI.create("/api/identity/users/" + created.id())).body(created);
    }
}
