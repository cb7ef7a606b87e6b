package cn.lishui.police.overseas.portal;

import java.time.Instant;
import java.util.List;

import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.delivery.DeliveryQueue;
import org.springframework.stereotype.Component;

/**
 * Portal applications public-service has not taken yet; the platform's scheduler redelivers them. While none is
 * pending the queue does not ask the store ({@link PendingHandOffs}).
 */
@Component
class PortalApplicationQueue implements DeliveryQueue {

    private final PendingHandOffs pending;
    private final PortalApplications applications;

    PortalApplicationQueue(PendingHandOffs pending, PortalApplications applications) {
        this.pending = pending;
        this.applications = applications;
    }

    @Override
    public String name() {
        return "portal-applications";
    }

    @Override
    public long backlog() {
        return pending.applicationBacklog();
    }

    @Override
    public List<String> due(Instant now, int limit) {
        return pending.applicationsDue(now, limit);
    }

    @Override
    public Delivery.Outcome redeliver(String applicationId) {
        return applications.deliver(applicationId);
    }
}
