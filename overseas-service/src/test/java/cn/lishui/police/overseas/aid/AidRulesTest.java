package cn.lishui.police.overseas.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import cn.lishui.police.platform.error.DomainException;
import org.junit.jupiter.api.Test;

/** The pure rules: fulfilment from counts, the shipment tracking workflow. */
class AidRulesTest {

    @Test
    void fulfilmentFollowsWhatWasReceived() {
        Map<String, Long> asked = Map.of("MASK", 10L, "TCM_PACK", 5L);
        assertThat(Fulfilment.of(false, false, asked, Map.of())).isEqualTo(Fulfilment.NONE);
        assertThat(Fulfilment.of(false, false, asked, Map.of("MASK", 10L))).isEqualTo(Fulfilment.PARTIAL);
        assertThat(Fulfilment.of(false, false, asked, Map.of("MASK", 10L, "TCM_PACK", 5L)))
                .isEqualTo(Fulfilment.COMPLETE);
        assertThat(Fulfilment.of(true, false, asked, Map.of("MASK", 10L, "TCM_PACK", 5L)))
                .isEqualTo(Fulfilment.CANCELLED);
        assertThat(Fulfilment.of(false, false, Map.of(), Map.of())).isEqualTo(Fulfilment.NONE);
        assertThat(Fulfilment.of(false, true, Map.of(), Map.of())).isEqualTo(Fulfilment.COMPLETE);
    }

    @Test
    void aShipmentMovesOnlyAlongItsTrackingStates() {
        assertThat(ShipmentStatus.IN_PROCESS.next(ShipmentStatus.Action.SEND)).isEqualTo(ShipmentStatus.SENT);
        assertThat(ShipmentStatus.SENT.next(ShipmentStatus.Action.TRANSIT)).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(ShipmentStatus.SENT.next(ShipmentStatus.Action.RECEIVE)).isEqualTo(ShipmentStatus.RECEIVED);
        assertThat(ShipmentStatus.IN_TRANSIT.next(ShipmentStatus.Action.RETURN)).isEqualTo(ShipmentStatus.RETURNING);
        assertThat(ShipmentStatus.IN_PROCESS.next(ShipmentStatus.Action.CANCEL)).isEqualTo(ShipmentStatus.CANCELLED);
        for (ShipmentStatus done : new ShipmentStatus[] {ShipmentStatus.RECEIVED, ShipmentStatus.CANCELLED,
                ShipmentStatus.RETURNING}) {
            for (ShipmentStatus.Action action : ShipmentStatus.Action.values()) {
                assertThatThrownBy(() -> done.next(action)).isInstanceOf(DomainException.class);
            }
        }
        assertThatThrownBy(() -> ShipmentStatus.IN_TRANSIT.next(ShipmentStatus.Action.CANCEL))
                .isInstanceOf(DomainException.class);
    }
}
