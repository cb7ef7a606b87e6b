package cn.lishui.police.grid.officer;

import java.util.ArrayList;
import java.util.List;

import cn.lishui.police.platform.error.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The chiefs of a village under "one village, two police chiefs" (一村两警长): at most two, and a pair
 * has at least one police officer. The version makes concurrent appointments a conflict, not a third chief.
 */
@Document("village_chiefs")
record VillageChiefs(@Id String villageCode, List<Chief> chiefs, @Version Long version) {

    record Chief(String officerId, OfficerKind kind) {
    }

    static VillageChiefs none(String villageCode) {
        return new VillageChiefs(villageCode, List.of(), null);
    }

    /** The chiefs with the officer added; appointing a chief again changes nothing. */
    VillageChiefs appoint(Officer officer) {
        if (chiefs.stream().anyMatch(c -> c.officerId().equals(officer.id()))) {
            return this;
        }
        if (chiefs.size() >= 2) {
            throw DomainException.conflict("VILLAGE_HAS_TWO_CHIEFS", villageCode);
        }
        if (chiefs.size() == 1 && officer.kind() != OfficerKind.POLICE && chiefs.get(0).kind() != OfficerKind.POLICE) {
            throw DomainException.conflict("CHIEF_PAIR_NEEDS_POLICE", villageCode);
        }
        List<Chief> appointed = new ArrayList<>(chiefs);
        appointed.add(new Chief(officer.id(), officer.kind()));
        return new VillageChiefs(villageCode, List.copyOf(appointed), version);
    }
}
