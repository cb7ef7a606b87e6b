package cn.lishui.police.identity.role;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/identity/roles")
class RoleController {

    /** Role names as tokens carry them: upper case and underscores, e.g. {@code GRID_OFFICER}. */
    static final String NAME_FORMAT = "[A-Z][A-Z_]{0,31}";

    private final Roles roles;

    RoleController(Roles roles) {
        this.roles = roles;
    }

    @GetMapping
    List<RoleView> roles() {
        return roles.all().stream().map(RoleView::of).toList();
    }

    @GetMapping("/{name}")
    RoleView role(@PathVariable @Pattern(regexp = NAME_FORMAT, message = "{role.name.format}") String name) {
        return RoleView.of(roles.get(name));
    }
}
