package cn.lishui.police.publicservice.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;

import cn.lishui.police.platform.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

class WorkflowTest {

    @Test
    void theHappyPathRunsFromSubmittedToDelivered() {
        ApplicationStatus status = ApplicationStatus.SUBMITTED;
        status = Workflow.next(status, ApplicationAction.REQUEST_MATERIALS);
        assertThat(status).isEqualTo(ApplicationStatus.NEEDS_MATERIALS);
        status = Workflow.next(status, ApplicationAction.ACCEPT);
        assertThat(status).isEqualTo(ApplicationStatus.ACCEPTED);
        status = Workflow.next(status, ApplicationAction.START);
        assertThat(status).isEqualTo(ApplicationStatus.IN_PROGRESS);
        status = Workflow.next(status, ApplicationAction.APPROVE);
        assertThat(status).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(Workflow.next(status, ApplicationAction.DELIVER)).isEqualTo(ApplicationStatus.DELIVERED);
    }

    @Test
    void aSubmittedApplicationCanBeRejectedAndOneInProgressDenied() {
        assertThat(Workflow.next(ApplicationStatus.SUBMITTED, ApplicationAction.REJECT))
                .isEqualTo(ApplicationStatus.NOT_ACCEPTED);
        assertThat(Workflow.next(ApplicationStatus.NEEDS_MATERIALS, ApplicationAction.REJECT))
                .isEqualTo(ApplicationStatus.NOT_ACCEPTED);
        assertThat(Workflow.next(ApplicationStatus.IN_PROGRESS, ApplicationAction.DENY))
                .isEqualTo(ApplicationStatus.DENIED);
    }

    /** Every (status, action) pair the state machine does not allow: one test case each. */
    static Stream<Arguments> illegalTransitions() {
        return Arrays.stream(ApplicationStatus.values())
                .flatMap(status -> Arrays.stream(ApplicationAction.values())
                        .filter(action -> !Workflow.allowed(status, action))
                        .map(action -> Arguments.of(status, action)));
    }

    @ParameterizedTest(name = "{1} on {0} is a 409 ILLEGAL_TRANSITION")
    @MethodSource("illegalTransitions")
    void anIllegalTransitionIsAConflict(ApplicationStatus from, ApplicationAction action) {
        assertThatThrownBy(() -> Workflow.next(from, action))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
                });
    }

    @Test
    void finishedApplicationsAllowNoActionAtAll() {
        for (ApplicationStatus finished : new ApplicationStatus[] {ApplicationStatus.NOT_ACCEPTED,
                ApplicationStatus.DENIED, ApplicationStatus.DELIVERED}) {
            assertThat(ApplicationAction.values()).noneMatch(action -> Workflow.allowed(finished, action));
        }
        assertThat(illegalTransitions().count()).isEqualTo(8L * 7 - 9);
    }
}
