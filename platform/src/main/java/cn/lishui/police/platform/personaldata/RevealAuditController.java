package cn.lishui.police.platform.personaldata;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service's audit trail of personal-data reveals, for ADMIN only: who saw what, when and why. */
@RestController
@RequestMapping("/api/${fengqiao.api.area}/audit/personal-data-reveals")
public class RevealAuditController {

    private final PersonalDataReveals reveals;

    public RevealAuditController(PersonalDataReveals reveals) {
        this.reveals = reveals;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    public Page<RevealRecord> trail(Pageable pageable) {
        return reveals.trail(pageable);
    }
}
