package cn.lishui.police.publicservice.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.lishui.police.platform.error.DomainException;
import cn.lishui.police.publicservice.catalogue.Channel;
import cn.lishui.police.publicservice.catalogue.Department;
import org.junit.jupiter.api.Test;

/** The domain rules of visit and SLA breaches on one application, without Spring. */
class ApplicationBreachesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void visitsBeyondTheItemsMaximumFlagTheApplicationOnce() {
        Application application = submitted(T0.plus(Duration.ofDays(5)));
        assertThat(application.recordVisit(visit(), 1)).isFalse();
        assertThat(application.visitBreach()).isFalse();
        assertThat(application.recordVisit(visit(), 1)).isTrue();
        assertThat(application.recordVisit(visit(), 1)).isFalse();
        assertThat(application.visitBreach()).isTrue();
        assertThat(application.visits()).hasSize(3);
    }

    @Test
    void finishingAfterTheDueTimeIsAnSlaBreach() {
        Application application = submitted(T0.plus(Duration.ofDays(5)));
        Instant due = T0.plus(Duration.ofDays(1));
        application.act(ApplicationAction.ACCEPT, "clerk", "window-1", null, List.of(), T0, due);
        application.act(ApplicationAction.START, "clerk", "window-1", null, List.of(), T0, due);
        application.act(ApplicationAction.APPROVE, "clerk", "window-1", null, List.of(), T0, due);
        assertThat(application.slaBreached()).isFalse();
        application.act(ApplicationAction.DELIVER, "clerk", "window-1", null, List.of(), due.plusSeconds(1), due);
        assertThat(application.slaBreached()).isTrue();
        assertThat(application.slaBreachedAt()).isEqualTo(due.plusSeconds(1));
    }

    @Test
    void finishingInTimeIsNoSlaBreach() {
        Application application = submitted(T0.plus(Duration.ofDays(5)));
        application.act(ApplicationAction.REJECT, "clerk", "window-1", "不属于本机关职权", List.of(), T0,
                T0.plus(Duration.ofDays(5)));
        assertThat(application.slaBreached()).isFalse();
    }

    @Test
    void anSlaBreachIsMarkedOnlyOnce() {
        Application application = submitted(T0);
        assertThat(application.markSlaBreached(T0.plusSeconds(1))).isTrue();
        assertThat(application.markSlaBreached(T0.plusSeconds(2))).isFalse();
        assertThat(application.slaBreachedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void aFinishedApplicationTakesNoMoreVisits() {
        Application application = submitted(T0.plus(Duration.ofDays(5)));
        application.act(ApplicationAction.REJECT, "clerk", "window-1", "材料不齐", List.of(), T0, T0);
        assertThatThrownBy(() -> application.recordVisit(visit(), 1))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("APPLICATION_FINISHED"));
    }

    private static Application submitted(Instant due) {
        return new Application("LSGA-CRJ-0012", "港澳团队旅游签注", Department.EXIT_ENTRY, Channel.ONLINE, "citizen-a",
                Map.of(), false, 3, T0, due);
    }

    private static Application.Visit visit() {
        return new Application.Visit(T0, "clerk", "window-1", null);
    }
}
