package cn.lishui.police.identity.role;

import java.util.List;

import cn.lishui.police.platform.error.DomainException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Reads of the role catalogue. */
@Service
class Roles {

    private final RoleRepository repository;

    Roles(RoleRepository repository) {
        this.repository = repository;
    }

    List<Role> all() {
        return repository.findAll(Sort.by("name"));
    }

    Role get(String name) {
        return repository.findById(name).orElseThrow(() -> DomainException.notFound("ROLE_NOT_FOUND", name));
    }
}
