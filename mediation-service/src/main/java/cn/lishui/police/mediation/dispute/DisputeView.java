package cn.lishui.police.mediation.dispute;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.personaldata.ProtectedValue;

/**
 * A dispute as the API shows it: party names and phones masked, the actions its state allows, whether it is
 * overdue, and the agreement with the days left to apply for judicial confirmation.
 */
record DisputeView(String id, DisputeSource source, String incidentId, String incidentNumber, String countyCode,
                   String townCode, String villageCode, VillageCheck villageCheck, Delivery villageDelivery,
                   PoliceLiaison liaison, boolean liaisonPending, Delivery liaisonDelivery, DisputeCategory category,
                   String description, Long amountAtStake,
                   List<PartyView> parties, String registeredBy, Instant registeredAt, Instant occurredAt,
                   DisputeStatus status, List<String> allowedActions, String organisationId, String mediatorId,
                   String mediatorName, Instant dueAt, boolean overdue, Instant escalatedAt, String declineReason,
                   String withdrawalReason, Dispute.Outcome outcome, AgreementView agreement, LocalDate followUpDue,
                   List<Dispute.Session> sessions, List<Dispute.FollowUp> followUps, List<Dispute.Recusal> recusals,
                   Instant acceptedAt, Instant agreedAt, Instant closedAt, List<Dispute.Event> history, Long version) {

    /** @param self whether the caller is this party */
    record PartyView(String partyId, ProtectedValue name, ProtectedValue phone, Party.PartyRole role, String dialect,
                     boolean self) {
    }

    /** @param judicialConfirmationDaysLeft days left to apply (negative once the window has passed) */
    record AgreementView(String facts, String responsibilities, String terms, String performanceManner,
                         String performancePlace, LocalDate performanceDeadline, List<String> signedPartyIds,
                         boolean mediatorSigned, boolean sealed, Instant agreedAt,
                         LocalDate judicialConfirmationDeadline, long judicialConfirmationDaysLeft,
                         LocalDate judicialConfirmationAppliedOn, Agreement.Performance performance) {

        static AgreementView of(Agreement agreement, Instant now) {
            if (agreement == null) {
                return null;
            }
            LocalDate today = now.atZone(Dispute.LOCAL).toLocalDate();
            return new AgreementView(agreement.facts(), agreement.responsibilities(), agreement.terms(),
                    agreement.performanceManner(), agreement.performancePlace(), agreement.performanceDeadline(),
                    agreement.signedPartyIds(), agreement.mediatorSigned(), agreement.sealed(), agreement.agreedAt(),
                    agreement.judicialConfirmationDeadline(),
                    ChronoUnit.DAYS.between(today, agreement.judicialConfirmationDeadline()),
                    agreement.judicialConfirmationAppliedOn(), agreement.performance());
        }
    }

    static DisputeView of(Dispute d, String callerSubject, Instant now) {
        List<PartyView> parties = d.parties().stream()
                .map(p -> new PartyView(p.partyId(), p.name(), p.phone(), p.role(), p.dialect(),
                        p.subject() != null && p.subject().equals(callerSubject)))
                .toList();
        boolean overdue = d.status().open() && d.dueAt() != null && d.dueAt().isBefore(now);
        return new DisputeView(d.id(), d.source(), d.incidentId(), d.incidentNumber(), d.countyCode(), d.townCode(),
                d.villageCode(), d.villageCheck(), d.villageDelivery(), d.liaison(), d.liaisonPending(),
                d.liaisonDelivery(), d.category(), d.description(),
                d.amountAtStake(), parties, d.registeredBy(), d.registeredAt(), d.occurredAt(), d.status(),
                Workflow.allowedActions(d.status()), d.organisationId(), d.mediatorId(), d.mediatorName(), d.dueAt(),
                overdue, d.escalatedAt(), d.declineReason(), d.withdrawalReason(), d.outcome(),
                AgreementView.of(d.agreement(), now), d.followUpDue(), d.sessions(), d.followUps(), d.recusals(),
                d.acceptedAt(), d.agreedAt(), d.closedAt(), d.history(), d.version());
    }
}
