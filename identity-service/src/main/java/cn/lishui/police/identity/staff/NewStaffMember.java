package cn.lishui.police.identity.staff;

import java.util.Set;

import cn.lishui.police.identity.user.PhoneNumbers;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A staff account an administrator provisions, with its roles and area.
 *
 * @param countyCode     6-digit county code, e.g. {@code 331121}
 * @param stationId      police station or service window, e.g. {@code station-331121-01}
 * @param organisationId mediation organisation, e.g. {@code org-331121-01}
 */
record NewStaffMember(@NotBlank @Pattern(regexp = "[a-z][a-z0-9._-]{2,31}", message = "{staff.username.format}")
                      String username,
                      @NotBlank @Size(max = 128) String password,
                      @NotBlank @Size(max = 64) String displayName,
                      @NotEmpty @Size(max = 9) Set<@NotBlank @Pattern(regexp = "[A-Z][A-Z_]{0,31}") String> roles,
                      @Pattern(regexp = "\\d{6}", message = "{staff.county.format}") String countyCode,
                      @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "{staff.area-id.format}") String stationId,
                      @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "{staff.area-id.format}")
                      String organisationId,
                      @Pattern(regexp = PhoneNumbers.FORMAT, message = "{signup.phone.format}") String phone,
                      @Email @Size(max = 254) String email) {
}
