package cn.lishui.police.overseas.portal;

import java.util.Map;

import org.springframework.stereotype.Component;

/** Portal applications in numbers, for the overview. */
@Component
public class PortalStatistics {

    private final PortalApplications applications;

    PortalStatistics(PortalApplications applications) {
        this.applications = applications;
    }

    /** QUEUED (public-service not reached yet), SUBMITTED (taken by public-service), REJECTED. */
    public Map<String, Long> applicationsByState() {
        return applications.countByState();
    }
}
