package cn.lishui.police.grid.inspection;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record NewInspection(
        @NotNull @Pattern(regexp = "\\d{15}", message = "{grid.code.format}") String gridCode,
        @NotNull InspectionType type,
        @NotNull LocalDate dueDate,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> checklist,
        @Size(max = 100) String reference) {
}
