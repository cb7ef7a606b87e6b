package cn.lishui.police.overseas.portal;

import java.time.Instant;
import java.util.List;

import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.delivery.DeliveryQueue;
import org.springframework.stereotype.Component;

/**
 * Family-care visits grid-service has not taken yet; the platform's scheduler redelivers them. While none is
 * pending the queue does not ask the store ({@link PendingHandOffs}).
 */
@Component
class CareVisitQueue implements DeliveryQueue {

    private final PendingHandOffs pending;
    private final CareVisits visits;

    CareVisitQueue(PendingHandOffs pending, CareVisits visits) {
        this.pending = pending;
        this.visits = visits;
    }

    @Override
    public String name() {
        return "care-visits";
    }

    @Override
    public long backlog() {
        return pending.careVisitBacklog();
    }

    @Override
    public List<String> due(Instant now, int limit) {
        return pending.careVisitsDue(now, limit);
    }

    @Override
    public Delivery.Outcome redeliver(String id) {
        return visits.deliver(id);
    }
}
