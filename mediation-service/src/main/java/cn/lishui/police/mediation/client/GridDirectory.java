package cn.lishui.police.mediation.client;

import cn.lishui.police.platform.delivery.DeliveryFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * grid-service's answers, told apart the way a caller needs them: found, not there (a permanent answer), or
 * not available now (down, timing out, breaker open: try again later). A lookup never throws for a failure of
 * grid-service, so that an outage never rejects an intake.
 */
@Service
public class GridDirectory {

    private static final Logger log = LoggerFactory.getLogger(GridDirectory.class);

    /** How a lookup went. */
    public enum Answer { FOUND, NOT_FOUND, UNAVAILABLE }

    public record VillageLookup(Answer answer, String name, String error) {
    }

    public record LiaisonLookup(Answer answer, GridClient.Liaison liaison, String error) {
    }

    private final GridClient grid;

    GridDirectory(GridClient grid) {
        this.grid = grid;
    }

    /** Whether {@code code} is a village of grid-service's map. */
    public VillageLookup village(String code) {
        try {
            GridClient.Region region = grid.region(code);
            if (region != null && "VILLAGE".equals(region.level())) {
                return new VillageLookup(Answer.FOUND, region.name(), null);
            }
            return new VillageLookup(Answer.NOT_FOUND, null, "not a village");
        } catch (RuntimeException failure) {
            return permanent(failure) ? new VillageLookup(Answer.NOT_FOUND, null, describe(failure))
                    : new VillageLookup(Answer.UNAVAILABLE, null, unavailable("village check", failure));
        }
    }

    /**
     * The police liaison of a village, asked for as the service itself (its client-credentials token): the
     * liaison is attached to the case by mediation-service, whoever's request caused it, and grid-service
     * shows it to staff and services only, not to the citizen whose intake it was.
     */
    public LiaisonLookup liaison(String villageCode) {
        SecurityContext user = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return new LiaisonLookup(Answer.FOUND, grid.liaison(villageCode), null);
        } catch (RuntimeException failure) {
            return permanent(failure) ? new LiaisonLookup(Answer.NOT_FOUND, null, describe(failure))
                    : new LiaisonLookup(Answer.UNAVAILABLE, null, unavailable("liaison", failure));
        } finally {
            SecurityContextHolder.setContext(user);
        }
    }

    private static String unavailable(String what, RuntimeException failure) {
        String description = describe(failure);
        log.warn("grid-service {} unavailable: {}", what, description);
        return description;
    }

    private static boolean permanent(Throwable failure) {
        return DeliveryFailures.permanent(failure);
    }

    private static String describe(Throwable failure) {
        return DeliveryFailures.describe(failure);
    }
}
