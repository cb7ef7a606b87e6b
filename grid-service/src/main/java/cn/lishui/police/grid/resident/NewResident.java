package cn.lishui.police.grid.resident;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A registration: the village, or a grid (its village follows), or both when they agree. */
record NewResident(
        @NotBlank @Size(max = 20) String idCardNumber,
        @NotBlank @Size(max = 30) String name,
        @Pattern(regexp = "\\+?[0-9 -]{7,20}", message = "{resident.phone.format}") String phone,
        @NotBlank @Size(max = 200) String address,
        @Pattern(regexp = "\\d{12}", message = "{grid.villageCode.format}") String villageCode,
        @Pattern(regexp = "\\d{15}", message = "{grid.code.format}") String gridCode,
        @NotNull LocalDate moveInDate,
        @NotNull ResidentKind kind,
        LocalDate registrationExpiry) {
}
