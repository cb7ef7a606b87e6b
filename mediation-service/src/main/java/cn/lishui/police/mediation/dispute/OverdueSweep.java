package cn.lishui.police.mediation.dispute;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every few minutes ({@code fengqiao.mediation.overdue.sweep-interval}) escalates the disputes past their
 * one-month limit to their organisation's head; each dispute is escalated once. No user is involved: it runs
 * as the service itself (and calls no other service).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "fengqiao.mediation.overdue.enabled", matchIfMissing = true)
class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    private final Disputes disputes;

    OverdueSweep(Disputes disputes) {
        this.disputes = disputes;
    }

    @Scheduled(initialDelayString = "${fengqiao.mediation.overdue.sweep-interval}",
            fixedDelayString = "${fengqiao.mediation.overdue.sweep-interval}")
    void sweep() {
        try {
            int escalated = disputes.escalateOverdue();
            if (escalated > 0) {
                log.info("Escalated {} overdue disputes to their organisation heads", escalated);
            }
        } catch (RuntimeException e) {
            // the next sweep tries again; the flag keeps each escalation single
            log.warn("Overdue sweep failed: {}", e.toString());
        }
    }
}
