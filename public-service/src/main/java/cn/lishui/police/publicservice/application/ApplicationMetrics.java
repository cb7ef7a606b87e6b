package cn.lishui.police.publicservice.application;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The finished applications' timing and the ratings, for the 最多跑一次 dashboards: how much of the
 * promised limit was left when an application finished (0 for one finished late, in the lowest bucket,
 * {@code le="1.0"}; the breach counter counts those too), how long an instant item (即办) took from
 * submission to finish, and the stars applicants gave. Labels: department, stars; never the applicant.
 */
final class ApplicationMetrics {

    static final String SLA_REMAINING = "fengqiao.public.applications.sla.remaining";
    static final String INSTANT = "fengqiao.public.applications.instant";
    static final String RATINGS = "fengqiao.public.ratings";

    private static final double HOUR = 3_600;
    private static final double DAY = 24 * HOUR;

    private ApplicationMetrics() {
    }

    /** Records an application that has just reached a finished status. */
    static void finished(MeterRegistry meters, Application application) {
        if (application.finishedAt() == null) {
            return;
        }
        String department = application.department().name();
        if (application.dueAt() != null) {
            double remaining = Math.max(0, Duration.between(application.finishedAt(), application.dueAt()).toSeconds());
            DistributionSummary.builder(SLA_REMAINING)
                    .description("Time left of the promised limit when an application finished (0 when late)")
                    .baseUnit("seconds")
                    .serviceLevelObjectives(1, HOUR, 4 * HOUR, DAY, 2 * DAY, 5 * DAY, 10 * DAY, 20 * DAY)
                    .tag("department", department)
                    .register(meters)
                    .record(remaining);
        }
        if (application.instant()) {
            Timer.builder(INSTANT)
                    .description("From submission to finish of an instant item (即办)")
                    .serviceLevelObjectives(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
                            Duration.ofHours(1), Duration.ofHours(4), Duration.ofDays(1))
                    .tag("department", department)
                    .register(meters)
                    .record(Duration.between(application.submittedAt(), application.finishedAt()));
        }
    }

    /** Records an applicant's rating (好差评) of a finished application. */
    static void rated(MeterRegistry meters, Application application, int stars) {
        Counter.builder(RATINGS).description("Applicants' ratings of finished applications (好差评)")
                .tag("department", application.department().name()).tag("stars", Integer.toString(stars))
                .register(meters).increment();
    }
}
