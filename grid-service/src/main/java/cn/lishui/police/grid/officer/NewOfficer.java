package cn.lishui.police.grid.officer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record NewOfficer(
        @NotBlank @Size(max = 30) String name,
        @NotNull OfficerKind kind,
        @NotNull @Pattern(regexp = Stations.FORMAT, message = "{officer.stationId.format}") String stationId,
        @Pattern(regexp = "\\d{12}", message = "{grid.villageCode.format}") String nativeVillageCode,
        @NotNull @Pattern(regexp = "\\+?[0-9 -]{7,20}", message = "{officer.phone.format}") String contactPhone,
        @Size(max = 100) String account) {
}
