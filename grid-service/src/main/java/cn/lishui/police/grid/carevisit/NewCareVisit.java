package cn.lishui.police.grid.carevisit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A request for a family-care visit (contract 3). */
record NewCareVisit(
        @NotNull @Pattern(regexp = "\\d{12}", message = "{grid.villageCode.format}") String villageCode,
        @NotBlank @Size(max = 100) String requestRef,
        @Size(max = 500) String familyMembers,
        @Size(max = 1000) String note,
        @Size(max = 100) String requestedBy) {
}
