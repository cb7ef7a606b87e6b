package cn.lishui.police.mediation.organisation;

import cn.lishui.police.platform.region.CountyCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of a registration. It names only what a caller may set: id, createdBy, audit timestamps
 * and version sent along are not part of it and are ignored.
 *
 * @param villageCode optional: the 12-digit code of the village (in {@code countyCode}) it serves
 * @param phone       optional: a mobile number or a landline with its area code (0578-2123456)
 */
record NewOrganisation(
        @NotBlank @Size(max = 100) String name,
        @NotNull OrganisationKind kind,
        @NotNull @CountyCode String countyCode,
        @Pattern(regexp = "\\d{12}", message = "{village.code.format}") String villageCode,
        @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "{phone.format}") String phone) {
}
