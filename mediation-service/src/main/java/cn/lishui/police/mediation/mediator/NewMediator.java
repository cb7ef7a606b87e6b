package cn.lishui.police.mediation.mediator;

import java.util.List;

import cn.lishui.police.mediation.dispute.DisputeCategory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The registration of a mediator.
 *
 * @param subject   the subject of the mediator's account, when they have one (links "my cases")
 * @param areaCodes the area served: county (6 digits), town or village codes (12 digits) of the organisation's
 *                  county; the organisation's town (or county) when absent
 * @param capacity  how many active cases they can carry
 */
record NewMediator(@NotBlank @Size(max = 64) String organisationId,
                   @NotBlank @Size(max = 50) String name,
                   @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "{phone.format}") String phone,
                   @Size(max = 64) String subject,
                   @NotEmpty @Size(max = 8) List<@NotNull DisputeCategory> specialties,
                   @Size(max = 10) List<@NotBlank @Size(max = 30) String> dialects,
                   @Size(max = 50) List<@NotNull @Pattern(regexp = "\\d{6}|\\d{12}", message = "{area.code.format}")
                           String> areaCodes,
                   @NotNull @Min(1) @Max(100) Integer capacity) {
}
