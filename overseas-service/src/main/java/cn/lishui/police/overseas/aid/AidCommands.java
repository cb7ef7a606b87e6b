package cn.lishui.police.overseas.aid;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the aid, donation and shipment endpoints. */
final class AidCommands {

    private AidCommands() {
    }

    /**
     * An aid request. A compatriot asks for themself at their own station; station staff name the station and,
     * optionally, the compatriot they ask for.
     */
    record RequestAid(@Size(max = 80) String stationId, @Size(max = 80) String compatriotId, @NotNull AidType type,
                      Priority priority, @NotBlank @Size(max = 2000) String description,
                      @Size(max = 20) List<@Valid @NotNull ItemLine> items) {

        List<ItemLine> itemsOrEmpty() {
            return items == null ? List.of() : items;
        }
    }

    /** Stock allocated to an aid request. */
    record Allocate(@NotEmpty @Size(max = 20) List<@Valid @NotNull ItemLine> items) {
    }

    record Donate(@NotBlank @Size(max = 200) String donor, @NotNull DonorKind donorKind,
                  @NotEmpty @Size(max = 20) List<@Valid @NotNull ItemLine> items, @Size(max = 1000) String note) {
    }

    enum DonorKind { GOVERNMENT, ENTERPRISE, ASSOCIATION, PERSON }

    /** A shipment to a station: each line takes allocated goods of one aid request of that station. */
    record Ship(@NotBlank @Size(max = 80) String stationId, @Size(max = 100) String carrier,
                @Size(max = 100) String trackingNumber,
                @NotEmpty @Size(max = 100) List<@Valid @NotNull ShipmentLine> lines) {
    }

    record TrackingNote(@Size(max = 500) String note) {
    }
}
