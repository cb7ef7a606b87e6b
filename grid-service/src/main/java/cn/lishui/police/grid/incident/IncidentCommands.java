package cn.lishui.police.grid.incident;

import java.util.List;

import cn.lishui.police.grid.client.MediationClient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the incident API. */
public final class IncidentCommands {

    private IncidentCommands() {
    }

    /**
     * Intake: a category, a description and a place, either a point ({@code lat}+{@code lng}, located to a grid)
     * or a village code. {@code criminal} defaults by category; citizens cannot set it.
     */
    public record Report(@NotNull IncidentCategory category, Boolean criminal,
                  @NotBlank @Size(max = 4000) String description,
                  Double lat, Double lng,
                  @Pattern(regexp = "\\d{12}", message = "{grid.villageCode.format}") String villageCode,
                  @Size(max = 200) String address,
                  @Valid ReporterInfo reporter,
                  @Size(max = 20) java.util.Map<String, String> attributes) {
    }

    /** Who reported; masked in every response. */
    public record ReporterInfo(@Size(max = 50) String name,
                        @Pattern(regexp = "\\+?[0-9 -]{7,20}", message = "{resident.phone.format}") String phone) {
    }

    /** Dispatch to the location's officer, or to the officer the commander picks. */
    record Dispatch(@Size(max = 64) String officerId) {
    }

    record Close(@NotNull IncidentOutcome outcome, SolvingUnit solvedBy, @Size(max = 2000) String note,
                 MediationClient.DisputeCategory disputeCategory,
                 @Size(max = 20) List<@Valid PartyInfo> parties) {
    }

    /** A party of a dispute handed to mediation. */
    record PartyInfo(@NotBlank @Size(max = 50) String name,
                     @Pattern(regexp = "\\+?[0-9 -]{7,20}", message = "{resident.phone.format}") String phone,
                     @NotNull PartyRole role) {
    }

    enum PartyRole { APPLICANT, RESPONDENT, OTHER }

    record Reopen(@NotBlank @Size(max = 500) String reason) {
    }
}
