package cn.lishui.police.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.lishui.police.mediation.mediator.MediatorRef;
import cn.lishui.police.mediation.organisation.OrganisationKind;
import cn.lishui.police.mediation.organisation.OrganisationRef;
import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.platform.personaldata.PersonalDataKind;
import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.junit.jupiter.api.Test;

/** The dispute's rules in plain Java: the state machine, who may act, the agreement's statutory contents. */
class WorkflowTest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    private static final OrganisationRef ORGANISATION = new OrganisationRef("org-1", "壶镇调委会",
            OrganisationKind.PEOPLES_MEDIATION_COMMITTEE, "331122", "331122101000", "head-1");
    private static final MediatorRef MEDIATOR = new MediatorRef("m-1", "mediator-1", "应调解", "org-1", "331122",
            "331122101000", List.of(DisputeCategory.NEIGHBOUR), List.of("缙云话"), List.of(), 3, true);
    private static final DisputeActor HEAD = new DisputeActor("head-1", Set.of("MEDIATOR"), true);
    private static final DisputeActor ASSIGNED = new DisputeActor("mediator-1", Set.of("MEDIATOR"), false);
    private static final DisputeActor PARTY = new DisputeActor("citizen-1", Set.of("CITIZEN"), false);

    @Test
    void everyStatusListsTheActionsItAllows() {
        assertThat(Workflow.allowedActions(DisputeStatus.REGISTERED))
                .containsExactly("accept", "decline", "withdraw", "add-party");
        assertThat(Workflow.allowedActions(DisputeStatus.AGREED)).containsExactly("follow-up");
        assertThat(Workflow.allowedActions(DisputeStatus.CLOSED)).isEmpty();
        assertThat(Workflow.allowedActions(DisputeStatus.WITHDRAWN)).isEmpty();
    }

    @Test
    void anIllegalTransitionNamesTheAllowedActions() {
        assertThatThrownBy(() -> Workflow.next(DisputeStatus.ACCEPTED, DisputeAction.AGREE))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
                    assertThat(e.args()).containsExactly("agree", DisputeStatus.ACCEPTED, "assign, withdraw, add-party");
                    assertThat(e.properties()).containsEntry("state", "ACCEPTED")
                            .containsEntry("allowedActions", List.of("assign", "withdraw", "add-party"));
                });
    }

    @Test
    void theDueDateIsOneCalendarMonthAfterRegistrationInLishuiTime() {
        Dispute dispute = registered();
        // registered 2026-11-29 10:00 in Lishui: due by the end of 2026-12-29
        assertThat(dispute.dueAt()).isEqualTo(Instant.parse("2026-12-29T16:00:00Z"));
    }

    @Test
    void anAgreementWithoutItsStatutoryContentsIsRefusedListingWhatIsMissing() {
        Dispute dispute = inMediation();
        DisputeCommands.AgreementDraft draft = new DisputeCommands.AgreementDraft("事实", " ", "条款", null, "调解室",
                LocalDate.of(2026, 12, 31), List.of(dispute.parties().get(0).partyId()), true, false);

        assertThatThrownBy(() -> dispute.agree(ASSIGNED, draft, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("AGREEMENT_INCOMPLETE");
                    assertThat(e.fieldErrors()).extracting(DomainException.FieldError::field).containsExactly(
                            "agreement.responsibilities", "agreement.performanceManner",
                            "agreement.signedPartyIds[" + dispute.parties().get(1).partyId() + "]", "agreement.sealed");
                });
        assertThat(dispute.status()).isEqualTo(DisputeStatus.IN_MEDIATION);
    }

    @Test
    void aCompleteAgreementStartsTheThirtyDayJudicialConfirmationWindow() {
        Dispute dispute = inMediation();
        dispute.agree(ASSIGNED, complete(dispute), NOW);

        assertThat(dispute.status()).isEqualTo(DisputeStatus.AGREED);
        assertThat(dispute.agreement().judicialConfirmationDeadline()).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(dispute.kpi().mediated()).isEqualTo(1);
        assertThat(dispute.kpi().agreed()).isEqualTo(1);
        assertThatThrownBy(() -> dispute.recordJudicialConfirmation(PARTY, LocalDate.of(2026, 12, 30), NOW))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("JUDICIAL_CONFIRMATION_TOO_LATE"));
        dispute.recordJudicialConfirmation(PARTY, LocalDate.of(2026, 12, 1), NOW);
        assertThat(dispute.agreement().judicialConfirmationAppliedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void aRecusalOfAMediatorNotOnTheCaseIsRefused() {
        Dispute dispute = inMediation();
        assertThatThrownBy(() -> dispute.requestRecusal(PARTY, "m-2", "亲戚", NOW))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("MEDIATOR_NOT_ON_CASE"));
        Dispute.Recusal recusal = dispute.requestRecusal(PARTY, "m-1", "亲戚", NOW);
        assertThatThrownBy(() -> dispute.requestRecusal(PARTY, "m-1", "again", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("RECUSAL_PENDING"));
        dispute.reviewRecusal(HEAD, recusal.recusalId(), true, null, 0, "理由成立", NOW);
        assertThat(dispute.status()).isEqualTo(DisputeStatus.ACCEPTED);
        assertThat(dispute.mediatorId()).isNull();
        assertThatThrownBy(() -> dispute.assign(HEAD, MEDIATOR, 0, NOW))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("REPLACEMENT_IS_RECUSED"));
    }

    @Test
    void closingRecordsTheDaysItTook() {
        Dispute dispute = inMediation();
        dispute.fail(ASSIGNED, DisputeCommands.Referral.ARBITRATION, "劳动争议需仲裁", NOW);
        dispute.close(HEAD, NOW.plusSeconds(86_400 * 3));
        assertThat(dispute.kpi()).isEqualTo(new Dispute.Kpi(1, 1, 0, 1, 3.0));
    }

    private static Dispute registered() {
        List<Party> parties = List.of(
                new Party("p-1", name("张三"), null, Party.PartyRole.APPLICANT, "缙云话", "citizen-1"),
                new Party("p-2", name("李四"), null, Party.PartyRole.RESPONDENT, null, null));
        return Dispute.register(DisputeSource.CITIZEN, "citizen-1", "331122", "331122101201",
                VillageCheck.notGiven(), DisputeCategory.NEIGHBOUR, "堆放杂物", null, parties, ORGANISATION, NOW);
    }

    private static Dispute inMediation() {
        Dispute dispute = registered();
        dispute.accept(HEAD, ORGANISATION, NOW);
        dispute.assign(HEAD, MEDIATOR, 0, NOW);
        dispute.start(ASSIGNED, NOW);
        return dispute;
    }

    private static DisputeCommands.AgreementDraft complete(Dispute dispute) {
        return new DisputeCommands.AgreementDraft("事实", "责任", "条款", "现金", "调解室", LocalDate.of(2026, 12, 31),
                dispute.parties().stream().map(Party::partyId).toList(), true, true);
    }

    private static ProtectedValue name(String value) {
        return new ProtectedValue(PersonalDataKind.NAME, "k", "c", "b", value.charAt(0) + "*");
    }
}
