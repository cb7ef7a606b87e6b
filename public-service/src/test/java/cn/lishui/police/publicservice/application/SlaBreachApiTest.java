package cn.lishui.police.publicservice.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.lishui.police.platform.test.SelectedMongo;
import cn.lishui.police.platform.test.TestTokens;
import cn.lishui.police.publicservice.catalogue.Channel;
import cn.lishui.police.publicservice.catalogue.Department;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * SLA breaches: the applications are stored with due times in the past (the API always computes future ones),
 * then the sweep runs or a clerk finishes them through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@SelectedMongo
class SlaBreachApiTest {

    private static final String STATION = "window-331121-01";

    @Autowired
    RestTestClient http;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    SlaSweep sweep;

    @Autowired
    MeterRegistry meters;

    @Test
    void theSweepMarksAnOverdueUnfinishedApplicationOnceAndCountsItByDepartment() {
        String applicant = "citizen-" + UUID.randomUUID();
        double before = breaches("TRAFFIC");
        Application overdue = applications.save(application(applicant, Department.TRAFFIC,
                Instant.now().minus(Duration.ofHours(1))));

        sweep.sweep();
        sweep.sweep();

        assertThat(breaches("TRAFFIC") - before).isEqualTo(1.0);
        http.get().uri("/api/public/applications/{id}", overdue.id())
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(applicant, "CITIZEN")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.overdue").isEqualTo(true)
                .jsonPath("$.slaBreached").isEqualTo(true)
                .jsonPath("$.remainingSeconds").value(Integer.class, seconds -> assertThat(seconds).isNegative());
    }

    @Test
    void theSweepLeavesApplicationsThatAreNotYetDueOrAlreadyFinished() {
        Application notDue = applications.save(application("citizen-" + UUID.randomUUID(), Department.HOUSEHOLD,
                Instant.now().plus(Duration.ofDays(2))));
        Application finished = application("citizen-" + UUID.randomUUID(), Department.HOUSEHOLD,
                Instant.now().plus(Duration.ofDays(2)));
        finished.act(ApplicationAction.REJECT, "clerk", STATION, "材料不齐", List.of(), Instant.now(),
                Instant.now().minus(Duration.ofHours(1)));
        finished = applications.save(finished);

        sweep.sweep();

        assertThat(applications.findById(notDue.id()).orElseThrow().slaBreached()).isFalse();
        assertThat(applications.findById(finished.id()).orElseThrow().slaBreached()).isFalse();
    }

    @Test
    void finishingAnApplicationAfterItsDueTimeIsCountedAsABreach() {
        String applicant = "citizen-" + UUID.randomUUID();
        Application late = application(applicant, Department.PUBLIC_ORDER, Instant.now().plus(Duration.ofDays(2)));
        late.act(ApplicationAction.ACCEPT, "clerk", STATION, null, List.of(), Instant.now().minus(Duration.ofDays(9)),
                Instant.now().minus(Duration.ofMinutes(1)));
        late.act(ApplicationAction.START, "clerk", STATION, null, List.of(), Instant.now().minus(Duration.ofDays(9)),
                null);
        late.act(ApplicationAction.APPROVE, "clerk", STATION, null, List.of(), Instant.now().minus(Duration.ofDays(9)),
                null);
        late = applications.save(late);
        double before = breaches("PUBLIC_ORDER");

        http.post().uri("/api/public/applications/{id}/actions/deliver", late.id())
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("clerk-" + UUID.randomUUID())
                        .roles("WINDOW_CLERK").county("331121").station(STATION).bearer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DELIVERED")
                .jsonPath("$.slaBreached").isEqualTo(true)
                .jsonPath("$.overdue").isEqualTo(true);
        assertThat(breaches("PUBLIC_ORDER") - before).isEqualTo(1.0);
    }

    @Test
    void theOverviewShowsTheSlaBreachRate() {
        applications.save(application("citizen-" + UUID.randomUUID(), Department.TRAFFIC,
                Instant.now().minus(Duration.ofHours(1))));
        sweep.sweep();
        JsonNode overview = http.get().uri("/api/public/stats/overview").exchange()
                .expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody();
        assertThat(overview.path("slaBreaches").asLong()).isPositive();
        assertThat(overview.path("slaBreachRate").asDouble()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        assertThat(overview.has("visitBreaches")).isTrue();
    }

    @Test
    void theBreachCounterIsTaggedByDepartmentAndNothingPersonal() {
        applications.save(application("citizen-" + UUID.randomUUID(), Department.CYBER_SECURITY,
                Instant.now().minus(Duration.ofHours(1))));
        sweep.sweep();
        Counter counter = meters.find(Applications.SLA_BREACHES).tag("department", "CYBER_SECURITY").counter();
        assertThat(counter).isNotNull();
        assertThat(counter.getId().getTags()).extracting(tag -> tag.getKey())
                .containsExactlyInAnyOrder("application", "instance", "department");
    }

    @Test
    void aStaleCopySavedAfterTheSweepIsAConflictAndCannotUndoTheMark() {
        Application stale = applications.save(application("citizen-" + UUID.randomUUID(), Department.TRAFFIC,
                Instant.now().minus(Duration.ofHours(1))));
        sweep.sweep();
        assertThatThrownBy(() -> applications.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(applications.findById(stale.id()).orElseThrow().slaBreached()).isTrue();
    }

    private double breaches(String department) {
        Counter counter = meters.find(Applications.SLA_BREACHES).tag("department", department).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Application application(String applicant, Department department, Instant due) {
        return new Application("LSGA-TEST-" + UUID.randomUUID(), "测试事项", department, Channel.WINDOW, applicant,
                Map.of(), false, 5, Instant.now().minus(Duration.ofDays(10)), due);
    }
}
