package cn.lishui.police.platform.test;

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

        @GetMapping("/api/test/catalogue")
        String catalogue() {
            return "open";
        }

        @GetMapping("/api/test/me")
        Caller me() {
            return Caller.current();
        }

        @GetMapping("/api/test/staff-only")
        @PreAuthorize("hasAnyRole('POLICE', 'COMMANDER')")
        String staffOnly() {
            return "staff";
        }
    }
}
