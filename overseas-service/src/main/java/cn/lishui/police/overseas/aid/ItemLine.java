package cn.lishui.police.overseas.aid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A quantity of one item type. */
record ItemLine(@NotNull ItemType itemType, @Min(1) @Max(10_000_000) long quantity) {

    /** The lines summed per item type, in the order the types first appear. */
    static Map<ItemType, Long> merge(List<ItemLine> lines) {
        Map<ItemType, Long> merged = new LinkedHashMap<>();
        for (ItemLine line : lines) {
            merged.merge(line.itemType(), line.quantity(), Long::sum);
        }
        return merged;
    }
}
