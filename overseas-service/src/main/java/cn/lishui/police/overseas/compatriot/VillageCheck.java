package cn.lishui.police.overseas.compatriot;

import cn.lishui.police.overseas.client.Failures;
import cn.lishui.police.overseas.client.GridClient;
import cn.lishui.police.platform.delivery.DeliveryFailures;
import org.springframework.stereotype.Component;

/** Asks grid-service whether a code is a village (contract 1) and says what the answer means. */
@Component
class VillageCheck {

    sealed interface Result permits Village, NoVillage, Unavailable {
    }

    record Village(String name) implements Result {
    }

    /** grid-service answered for good: unknown (404), malformed (400), or a region that is not a village. */
    record NoVillage(String reason) implements Result {
    }

    /** grid-service could not answer now (down, slow, breaker open): ask again later. */
    record Unavailable(String error) implements Result {
    }

    private final GridClient grid;

    VillageCheck(GridClient grid) {
        this.grid = grid;
    }

    Result check(String villageCode) {
        try {
            GridClient.Region region = grid.region(villageCode);
            return region != null && region.village() ? new Village(region.name())
                    : new NoVillage(region == null ? "EMPTY" : "LEVEL " + region.level());
        } catch (RuntimeException failure) {
            int status = Failures.status(failure);
            if (status == 404 || status == 400 || DeliveryFailures.permanent(failure)) {
                return new NoVillage("HTTP " + status);
            }
            return new Unavailable(DeliveryFailures.describe(failure));
        }
    }
}
