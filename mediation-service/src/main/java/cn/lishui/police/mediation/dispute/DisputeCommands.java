package cn.lishui.police.mediation.dispute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.lishui.police.platform.region.CountyCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The bodies of the dispute API: only what a caller may set; status, owner and audit fields are not in them. */
final class DisputeCommands {

    private DisputeCommands() {
    }

    /**
     * Intake by a citizen (for themselves: one party is {@code self}) or a grid officer.
     *
     * @param villageCode   the village the dispute arose in (checked with grid-service); or only a county
     * @param amountAtStake in fen
     * @param organisationId the organisation asked to mediate; routed by county and town when absent
     */
    record NewDispute(@NotNull DisputeCategory category,
                      @NotBlank @Size(max = 4000) String description,
                      @Pattern(regexp = "\\d{12}", message = "{village.code.format}") String villageCode,
                      @CountyCode String countyCode,
                      @PositiveOrZero Long amountAtStake,
                      @Size(max = 64) String organisationId,
                      @NotEmpty @Size(max = 20) List<@Valid @NotNull NewParty> parties) {
    }

    /** @param self the caller is this party (a citizen's own intake names exactly one) */
    record NewParty(@NotBlank @Size(max = 50) String name,
                    @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "{phone.format}") String phone,
                    @NotNull Party.PartyRole role,
                    @Size(max = 30) String dialect,
                    Boolean self) {
    }

    /**
     * Contract 4 (110 联调): a dispute handed off from a police incident by grid-service. The parties may be empty
     * (an anonymous call): the incident is not refused for it, the mediator records them later.
     */
    record IncidentHandoff(@NotBlank @Size(max = 64) @Pattern(regexp = "[\\w.:-]+") String incidentId,
                           @Size(max = 64) String incidentNumber,
                           @NotNull @CountyCode String countyCode,
                           @Pattern(regexp = "\\d{12}", message = "{village.code.format}") String villageCode,
                           @NotNull DisputeCategory category,
                           @NotBlank @Size(max = 4000) String description,
                           Instant occurredAt,
                           @NotNull @Size(max = 20) List<@Valid @NotNull HandoffParty> parties,
                           @Size(max = 100) String handedOffBy) {
    }

    record HandoffParty(@NotBlank @Size(max = 50) String name, @Size(max = 30) String phone,
                        @NotNull Party.PartyRole role) {
    }

    /** Where a failed mediation sends the parties. */
    enum Referral { LITIGATION, ARBITRATION, POLICE, OTHER }

    enum FollowUpResult { PERFORMED, PARTLY, NOT_PERFORMED }

    /**
     * The body of an action; each action reads the fields it needs: decline/withdraw/fail/reassign a reason,
     * accept an organisation, assign/reassign a mediator, fail a referral, agree an agreement, follow-up a result
     * (and {@code reopen} to mediate again when the agreement was not performed).
     */
    record Act(@Size(max = 1000) String reason,
               @Size(max = 64) String organisationId,
               @Size(max = 64) String mediatorId,
               Referral referral,
               @Valid AgreementDraft agreement,
               FollowUpResult result,
               @Size(max = 2000) String note,
               Boolean reopen) {

        static final Act NONE = new Act(null, null, null, null, null, null, null, null);
    }

    record AgreementDraft(@Size(max = 4000) String facts,
                          @Size(max = 2000) String responsibilities,
                          @Size(max = 4000) String terms,
                          @Size(max = 500) String performanceManner,
                          @Size(max = 200) String performancePlace,
                          LocalDate performanceDeadline,
                          @Size(max = 20) List<@NotBlank @Size(max = 64) String> signedPartyIds,
                          Boolean mediatorSigned,
                          Boolean sealed) {
    }

    /** A mediation session: a place, or a video link, or both. */
    record NewSession(@NotNull @Future Instant scheduledAt,
                      @Size(max = 200) String place,
                      @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "{video.link.format}")
                      String videoLink,
                      @Size(max = 30) List<@NotBlank @Size(max = 100) String> attendees) {
    }

    /** The mediation record (调解笔录) of a session held. */
    record SessionRecord(@NotBlank @Size(max = 20000) String record,
                         @Size(max = 30) List<@NotBlank @Size(max = 100) String> attendees) {
    }

    record RecusalRequest(@NotBlank @Size(max = 64) String mediatorId, @NotBlank @Size(max = 1000) String reason) {
    }

    /** The head's decision on a recusal; on upholding it, an optional replacement mediator. */
    record RecusalReview(@NotNull Boolean uphold, @Size(max = 64) String replacementMediatorId,
                         @Size(max = 1000) String note) {
    }

    record JudicialConfirmation(@NotNull LocalDate appliedOn) {
    }
}
