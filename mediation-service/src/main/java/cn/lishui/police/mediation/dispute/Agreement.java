package cn.lishui.police.mediation.dispute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A mediation agreement (人民调解协议书) with the contents Art. 29 of the People's Mediation Law requires: the
 * parties (from the dispute), the main facts and matters in dispute, the responsibilities, the agreed terms, the
 * manner, place and deadline of performance, the signatures of the parties and the mediator and the seal of the
 * organisation. Parties may jointly apply for judicial confirmation within 30 days of its taking effect
 * (Art. 33), so its deadline is part of it.
 */
record Agreement(String facts, String responsibilities, String terms, String performanceManner,
                 String performancePlace, LocalDate performanceDeadline, List<String> signedPartyIds,
                 boolean mediatorSigned, boolean sealed, Instant agreedAt, LocalDate judicialConfirmationDeadline,
                 Performance performance, LocalDate judicialConfirmationAppliedOn) {

    static final int JUDICIAL_CONFIRMATION_DAYS = 30;

    /** How far the parties have done what they agreed, as the latest follow-up visit found. */
    enum Performance { PENDING, PERFORMED, PARTLY, NOT_PERFORMED }

    /** The statutory parts missing from a draft, by field name; empty when it is complete. */
    static List<String> missingParts(DisputeCommands.AgreementDraft draft, List<Party> parties) {
        List<String> missing = new ArrayList<>();
        if (parties.stream().noneMatch(p -> p.role() == Party.PartyRole.RESPONDENT)
                || parties.stream().noneMatch(p -> p.role() == Party.PartyRole.APPLICANT)) {
            missing.add("parties");
        }
        blank(draft.facts(), "facts", missing);
        blank(draft.responsibilities(), "responsibilities", missing);
        blank(draft.terms(), "terms", missing);
        blank(draft.performanceManner(), "performanceManner", missing);
        blank(draft.performancePlace(), "performancePlace", missing);
        if (draft.performanceDeadline() == null) {
            missing.add("performanceDeadline");
        }
        Set<String> signed = draft.signedPartyIds() == null ? Set.of() : Set.copyOf(draft.signedPartyIds());
        for (Party party : parties) {
            if (party.role() != Party.PartyRole.OTHER && !signed.contains(party.partyId())) {
                missing.add("signedPartyIds[" + party.partyId() + "]");
            }
        }
        if (!Boolean.TRUE.equals(draft.mediatorSigned())) {
            missing.add("mediatorSigned");
        }
        if (!Boolean.TRUE.equals(draft.sealed())) {
            missing.add("sealed");
        }
        return missing;
    }

    static Agreement of(DisputeCommands.AgreementDraft draft, Instant agreedAt, LocalDate agreedOn) {
        return new Agreement(draft.facts().strip(), draft.responsibilities().strip(), draft.terms().strip(),
                draft.performanceManner().strip(), draft.performancePlace().strip(), draft.performanceDeadline(),
                List.copyOf(draft.signedPartyIds()), true, true, agreedAt,
                agreedOn.plusDays(JUDICIAL_CONFIRMATION_DAYS), Performance.PENDING, null);
    }

    Agreement withPerformance(Performance found) {
        return new Agreement(facts, responsibilities, terms, performanceManner, performancePlace, performanceDeadline,
                signedPartyIds, mediatorSigned, sealed, agreedAt, judicialConfirmationDeadline, found,
                judicialConfirmationAppliedOn);
    }

    Agreement withJudicialConfirmationApplied(LocalDate on) {
        return new Agreement(facts, responsibilities, terms, performanceManner, performancePlace, performanceDeadline,
                signedPartyIds, mediatorSigned, sealed, agreedAt, judicialConfirmationDeadline, performance, on);
    }

    private static void blank(String value, String field, List<String> missing) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }
}
