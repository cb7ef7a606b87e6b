package cn.lishui.police.overseas.compatriot;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A registration. {@code passportCountry} is the issuing country (default CN); {@code accountSubject} lets
 * station staff link the compatriot's own account (ignored when compatriots register themselves).
 */
record RegisterCompatriot(
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Size(max = 20) String passportNumber,
        @Pattern(regexp = "[A-Z]{2}", message = "{validation.country-code}") String passportCountry,
        @Size(max = 20) String idCardNumber,
        @Size(max = 30) @Pattern(regexp = "\\+?[0-9][0-9 -]{4,28}", message = "{validation.phone}") String phone,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "{validation.country-code}") String countryOfResidence,
        @NotBlank @Size(max = 100) String cityOfResidence,
        @NotBlank @Size(max = 80) String stationId,
        @NotBlank @Pattern(regexp = "3311\\d{8}", message = "{validation.village-code}") String homeVillageCode,
        @Size(max = 10) List<@Valid @NotNull Member> family,
        Boolean familyConsent,
        @Size(max = 500) String consentStatement,
        @Size(max = 100) String accountSubject) {

    record Member(@NotNull FamilyMember.Relation relation, @NotBlank @Size(max = 50) String name,
                  @Min(0) @Max(130) Integer age, boolean livesAlone, @Size(max = 200) String note) {
    }

    List<Member> familyOrEmpty() {
        return family == null ? List.of() : family;
    }
}
