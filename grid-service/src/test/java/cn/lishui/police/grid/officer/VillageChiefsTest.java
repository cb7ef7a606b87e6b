package cn.lishui.police.grid.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lishui.police.platform.error.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class VillageChiefsTest {

    private static Officer officer(String id, OfficerKind kind) {
        return new Officer(id, "警员" + id, kind, "station-331102-01", "331102", null, null, null, null);
    }

    private static void conflict(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void aPoliceOfficerAndAnAuxiliaryMakeAPair() {
        VillageChiefs chiefs = VillageChiefs.none("331102001201")
                .appoint(officer("a", OfficerKind.AUXILIARY)).appoint(officer("p", OfficerKind.POLICE));

        assertThat(chiefs.chiefs()).extracting(VillageChiefs.Chief::officerId).containsExactly("a", "p");
    }

    @Test
    void twoAuxiliariesAreNotAPair() {
        VillageChiefs one = VillageChiefs.none("331102001201").appoint(officer("a", OfficerKind.AUXILIARY));

        conflict(() -> one.appoint(officer("b", OfficerKind.AUXILIARY)), "CHIEF_PAIR_NEEDS_POLICE");
    }

    @Test
    void aThirdChiefIsRefused() {
        VillageChiefs two = VillageChiefs.none("331102001201")
                .appoint(officer("p", OfficerKind.POLICE)).appoint(officer("q", OfficerKind.POLICE));

        conflict(() -> two.appoint(officer("r", OfficerKind.POLICE)), "VILLAGE_HAS_TWO_CHIEFS");
    }

    @Test
    void appointingAChiefAgainChangesNothing() {
        VillageChiefs one = VillageChiefs.none("331102001201").appoint(officer("p", OfficerKind.POLICE));

        assertThat(one.appoint(officer("p", OfficerKind.POLICE))).isSameAs(one);
    }
}
