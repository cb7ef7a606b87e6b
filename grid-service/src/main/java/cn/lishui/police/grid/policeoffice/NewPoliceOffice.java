package cn.lishui.police.grid.policeoffice;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record NewPoliceOffice(
        @NotBlank @Size(max = 60) String name,
        @NotNull @Pattern(regexp = "\\d{12}", message = "{policeOffice.regionCode.format}") String regionCode,
        @Size(max = 200) String address,
        @Pattern(regexp = "\\+?[0-9 -]{5,20}", message = "{resident.phone.format}") String phone,
        @NotEmpty Set<@NotNull OfficeFunction> functions,
        @Size(max = 14) List<@Valid @NotNull Hours> openingHours,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "{policeOffice.id.format}") String> mediationOrganisationIds,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "{policeOffice.id.format}") String> rescueTeamIds) {

    record Hours(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }
}
