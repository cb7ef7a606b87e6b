package cn.lishui.police.grid.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A grid to add to a village. */
record NewGrid(
        @NotNull @Pattern(regexp = "\\d{12}", message = "{grid.villageCode.format}") String villageCode,
        @NotBlank @Size(max = 50) String name,
        @NotNull GridType type,
        @NotNull GeoPolygon boundary) {
}
