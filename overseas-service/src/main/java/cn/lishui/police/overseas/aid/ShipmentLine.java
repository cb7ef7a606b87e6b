package cn.lishui.police.overseas.aid;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Goods of one aid request on a shipment. */
record ShipmentLine(@NotBlank @Size(max = 80) String aidRequestId, @NotNull ItemType itemType,
                    @Min(1) @Max(10_000_000) long quantity) {
}
