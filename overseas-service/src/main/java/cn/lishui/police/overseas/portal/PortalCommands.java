package cn.lishui.police.overseas.portal;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the portal's endpoints. */
final class PortalCommands {

    private PortalCommands() {
    }

    /**
     * A 全球通办 application: a compatriot applies for themself; station staff name the compatriot and bring the
     * proxy authority and the video identity check.
     */
    record Apply(@NotBlank @Size(max = 40) String itemCode, @Size(max = 50) Map<String, Object> form,
                 @Size(max = 80) String compatriotId, @Valid ProxyAuthority proxyAuthority,
                 @Valid VideoIdentityCheck videoCheck) {

        Map<String, Object> formOrEmpty() {
            return form == null ? Map.of() : form;
        }
    }

    /** A family-care visit (亲情关爱走访) for the compatriot's family at home. */
    record AskCareVisit(@Size(max = 80) String compatriotId, @NotBlank @Size(max = 500) String familyMembers,
                        @Size(max = 1000) String note) {
    }
}
