package cn.lishui.police.publicservice.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.lishui.police.publicservice.catalogue.Channel;
import cn.lishui.police.publicservice.catalogue.Department;

/**
 * An application as the API shows it, with the time left until its due time (negative when overdue;
 * absent once the application is finished) and, for instant items (即来即办), the seconds from acceptance to
 * completion (读秒办件).
 */
record ApplicationView(String id, String itemCode, String itemName, Department department, Channel channel,
                       String applicantId, Map<String, Object> form, ApplicationStatus status, String reason,
                       List<String> missingMaterials, String stationId, int promisedLimitDays, Instant submittedAt,
                       Instant acceptedAt, Instant dueAt, Long remainingSeconds, boolean overdue,
                       Instant finishedAt, Long instantSeconds, int visits, boolean visitBreach,
                       boolean slaBreached, String proxyStationId, String proxyActorId) {

    static ApplicationView of(Application a, Instant now) {
        Long remaining = a.status().finished() ? null : Duration.between(now, a.dueAt()).toSeconds();
        Instant end = a.finishedAt() == null ? now : a.finishedAt();
        Long instantSeconds = a.instant() && a.acceptedAt() != null && a.finishedAt() != null
                ? Duration.between(a.acceptedAt(), a.finishedAt()).toSeconds() : null;
        return new ApplicationView(a.id(), a.itemCode(), a.itemName(), a.department(), a.channel(), a.applicantId(),
                a.form(), a.status(), a.reason(), a.missingMaterials(), a.stationId(), a.promisedLimitDays(),
                a.submittedAt(), a.acceptedAt(), a.dueAt(), remaining, end.isAfter(a.dueAt()), a.finishedAt(),
                instantSeconds, a.visits().size(), a.visitBreach(), a.slaBreached(), a.proxyStationId(),
                a.proxyActorId());
    }
}
