package cn.lishui.police.platform.test;

import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.PersonalDataProtector;
import cn.lishui.police.platform.personaldata.PersonalDataReveals;
import cn.lishui.police.platform.security.Caller;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service on the starter with one public, one authenticated and one staff-only endpoint. */
@SpringBootApplication
class SecuredTestApplication {

    @RestController
    static class Endpoints {

        private final PersonalDataProtector protector;
        private final PersonalDataReveals reveals;

        Endpoints(PersonalDataProtector protector, PersonalDataReveals reveals) {
            this.protector = protector;
            this.reveals = reveals;
        }

        @GetMapping("/api/test/catalogue")
        String catalogue() {
            return "open";
        }

        @GetMapping("/api/test/me")
        Caller me() {
            return Caller.current();
        }

        @GetMapping("/api/secured-test-app/residents/{id}/id-card")
        String revealIdCard(@org.springframework.web.bind.annotation.PathVariable String id,
                            @org.springframework.web.bind.annotation.RequestParam(required = false) String purpose) {
            Caller caller = Caller.current();
            return reveals.reveal(protector.protect(PersonalDataKind.ID_CARD, "331121198805120132"),
                    new PersonalDataReveals.Request(caller.subject(), caller.roles(), "resident", id, purpose));
        }

        @GetMapping("/api/test/staff-only")
        @PreAuthorize("hasAnyRole('POLICE', 'COMMANDER')")
        String staffOnly() {
            return "staff";
        }
    }
}
