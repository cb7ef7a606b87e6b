package cn.lishui.police.publicservice.application;

import java.util.List;
import java.util.Map;

import cn.lishui.police.publicservice.catalogue.Channel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the application endpoints. */
final class ApplicationCommands {

    private ApplicationCommands() {
    }

    /**
     * Apply for {@code itemCode} through {@code channel}; an overseas station names the compatriot it applies for
     * in {@code onBehalfOf} (代办).
     */
    record Apply(@NotBlank @Size(max = 40) String itemCode, @NotNull Channel channel,
                 @Size(max = 50) Map<String, Object> form, @Size(max = 100) String onBehalfOf) {

        Map<String, Object> formOrEmpty() {
            return form == null ? Map.of() : form;
        }
    }

    /** What a clerk says with an action: the reason of a rejection or denial, the missing materials. */
    record Act(@Size(max = 500) String reason, @Size(max = 50) List<@NotBlank @Size(max = 200) String> missingMaterials) {

        static final Act NONE = new Act(null, null);
    }

    /** 好差评: 1 (very dissatisfied) to 5 (very satisfied) stars and an optional comment. */
    record Rate(@Min(1) @Max(5) int stars, @Size(max = 500) String comment) {
    }

    /** What the clerk notes about a visit (e.g. 补交材料, 领取证件). */
    record RecordVisit(@Size(max = 500) String note) {
    }
}
