package cn.lishui.police.grid.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import cn.lishui.police.grid.workflow.ActionNotAllowed;
import cn.lishui.police.platform.error.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The incident state machine in plain Java. */
class IncidentLifecycleTest {

    static final Instant T0 = Instant.parse("2026-03-21T01:00:00Z");
    static final Incident.Actor COMMANDER = new Incident.Actor("commander", true, false);
    static final Incident.Actor OFFICER = new Incident.Actor("officer", false, true);
    static final Incident.Actor OTHER = new Incident.Actor("other", false, false);

    static Incident reported(IncidentCategory category) {
        return Incident.report("id-1", "JQ1", category, category.criminalByDefault(), "金竹镇盗窃",
                new Incident.Place(28.5, 119.1, null, "331123101201001", "331123101201", "331123101000", "331123"), null,
                null, "commander", T0);
    }

    @Test
    void aTheftGoesFromReportToCloseWithItsDurations() {
        Incident incident = reported(IncidentCategory.THEFT);
        incident.dispatch(new Incident.Officer("o1", "叶警官", "station-331123-01"), COMMANDER, T0.plusSeconds(120));
        incident.acknowledge(OFFICER, T0.plusSeconds(180));
        incident.arrive(OFFICER, T0.plusSeconds(900));
        incident.close(IncidentOutcome.SOLVED, null, "三小时破案", null, List.of(), OFFICER, T0.plusSeconds(3 * 3600));

        assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(incident.dispatchSeconds()).isEqualTo(120);
        assertThat(incident.arrivalSeconds()).isEqualTo(780);
        assertThat(incident.closeSeconds()).isEqualTo(10_800);
        assertThat(incident.solvedBy()).isEqualTo(SolvingUnit.STATION);
        assertThat(incident.history()).extracting(Incident.Step::action)
                .containsExactly("report", "dispatch", "acknowledge", "arrive", "close");
    }

    @Test
    void theAllowedActionsDependOnStateAndPart() {
        Incident incident = reported(IncidentCategory.THEFT);
        assertThat(incident.allowedActions(COMMANDER)).containsExactly("dispatch", "close");
        assertThat(incident.allowedActions(OFFICER)).isEmpty();
        incident.dispatch(new Incident.Officer("o1", "叶警官", "s"), COMMANDER, T0);
        assertThat(incident.allowedActions(OFFICER)).containsExactly("acknowledge");
    }

    @Test
    void arrivingBeforeAcknowledgingIsAConflictNamingTheAllowedActions() {
        Incident incident = reported(IncidentCategory.THEFT);
        incident.dispatch(new Incident.Officer("o1", "叶警官", "s"), COMMANDER, T0);

        assertThatThrownBy(() -> incident.arrive(OFFICER, T0))
                .isInstanceOfSatisfying(ActionNotAllowed.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.code()).isEqualTo("INCIDENT_ACTION_NOT_ALLOWED");
                    assertThat(e.allowedActions()).containsExactly("acknowledge");
                });
    }

    @Test
    void anOfficerItIsNotDispatchedToIsForbidden() {
        Incident incident = reported(IncidentCategory.THEFT);
        incident.dispatch(new Incident.Officer("o1", "叶警官", "s"), COMMANDER, T0);

        assertThatThrownBy(() -> incident.acknowledge(OTHER, T0))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("NOT_ASSIGNED_TO_CALLER"));
    }

    @Test
    void onlyADisputeIsTransferredAndItsHandOffStartsOnce() {
        Incident theft = reported(IncidentCategory.THEFT);
        assertThatThrownBy(() -> theft.close(IncidentOutcome.TRANSFERRED, null, null, null, List.of(), COMMANDER, T0))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("TRANSFER_NEEDS_DISPUTE"));

        Incident dispute = reported(IncidentCategory.DISPUTE);
        dispute.close(IncidentOutcome.TRANSFERRED, null, null, "NEIGHBOUR", List.of(), COMMANDER, T0);
        assertThat(dispute.startHandOff(T0, java.time.Duration.ofSeconds(30))).isTrue();
        assertThat(dispute.handoff().key()).isEqualTo("incident-handoff-id-1");
        assertThat(dispute.handoff().dueAt(T0)).isFalse();
        assertThat(dispute.handoff().dueAt(T0.plusSeconds(30))).isTrue();
        dispute.reopen("当事人再次报警", COMMANDER, T0.plusSeconds(60));
        dispute.close(IncidentOutcome.TRANSFERRED, null, null, "NEIGHBOUR", List.of(), COMMANDER, T0.plusSeconds(90));
        assertThat(dispute.startHandOff(T0.plusSeconds(90), java.time.Duration.ofSeconds(30))).isFalse();
    }

    @Test
    void reopeningNeedsAClosedIncidentAndStartsANewCycle() {
        Incident incident = reported(IncidentCategory.PUBLIC_ORDER);
        assertThatThrownBy(() -> incident.reopen("x", COMMANDER, T0)).isInstanceOf(ActionNotAllowed.class);
        incident.close(IncidentOutcome.CLEARED, null, null, null, List.of(), COMMANDER, T0.plusSeconds(60));
        incident.reopen("群众反映仍在聚集", COMMANDER, T0.plusSeconds(120));

        assertThat(incident.status()).isEqualTo(IncidentStatus.REPORTED);
        assertThat(incident.outcome()).isNull();
        assertThat(incident.closedAt()).isNull();
        assertThat(incident.history().get(incident.history().size() - 1).note()).isEqualTo("群众反映仍在聚集");
    }
}
