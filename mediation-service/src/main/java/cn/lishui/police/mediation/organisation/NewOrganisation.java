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
 * @param townCode    optional: the 12-digit code of its town ({@code 331122101000}); derived from the village
 * @param brandName   optional: the brand it works under, e.g. 正道讲和
 * @param policeOfficeId optional: the grid-service police office (警务室) it sits in
 * @param headId      optional: the subject of the account of its head
 */
record NewOrganisation(
        @NotBlank @Size(max = 100) String name,
        @NotNull OrganisationKind kind,
        @NotNull @CountyCode String countyCode,
        @Pattern(regexp = "\\d{12}", message = "{village.code.format}") String villageCode,
        @Pattern(regexp = "\\d{9}000", message = "{town.code.format}") String townCode,
        @Size(max = 50) String brandName,
        @Size(max = 64) String policeOfficeId,
        @Size(max = 64) String headId,
        @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "{phone.format}") String phone) {
}
