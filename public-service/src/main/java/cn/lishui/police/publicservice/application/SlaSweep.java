package cn.lishui.police.publicservice.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every few minutes (fengqiao.public.sla.sweep-interval, default 5 minutes) marks the applications that became
 * overdue while unfinished as SLA breaches; the flag makes a second sweep count nothing twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SlaSweep {

    private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);

    private final Applications applications;

    SlaSweep(Applications applications) {
        this.applications = applications;
    }

    @Scheduled(initialDelayString = "${fengqiao.public.sla.sweep-interval:PT5M}",
            fixedDelayString = "${fengqiao.public.sla.sweep-interval:PT5M}")
    void sweep() {
        try {
            int marked = applications.sweepOverdue();
            if (marked > 0) {
                log.info("SLA sweep marked {} overdue applications", marked);
            }
        } catch (RuntimeException e) {
            // the next sweep tries again; the flag keeps the counting exact
            log.warn("SLA sweep failed: {}", e.toString());
        }
    }
}
