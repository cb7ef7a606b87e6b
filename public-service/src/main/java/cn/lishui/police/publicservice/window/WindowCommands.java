package cn.lishui.police.publicservice.window;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the window endpoints. */
final class WindowCommands {

    private WindowCommands() {
    }

    /** A new window of {@code stationId}; {@code code} is the station_id claim of its clerks. */
    record Open(@NotBlank @Size(max = 80) String code, @NotBlank @Size(max = 80) String stationId,
                @NotBlank @Size(max = 100) String name, Set<ConvenienceMeasure> measures,
                Set<WaitingAreaItem> waitingAreaItems, Set<PhotoRoomItem> photoRoomItems,
                @Size(max = 300) List<@NotBlank @Size(max = 40) String> itemCodes) {
    }
}
