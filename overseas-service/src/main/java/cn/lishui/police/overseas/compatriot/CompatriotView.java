package cn.lishui.police.overseas.compatriot;

import java.time.Instant;
import java.util.List;

import cn.lishui.police.platform.personaldata.ProtectedValue;

/** A compatriot as the API shows them: passport, ID card, phone and family names masked. */
record CompatriotView(String id, String name, String passportCountry, ProtectedValue passportNumber,
                      ProtectedValue idCardNumber, ProtectedValue phone, String countryOfResidence,
                      String cityOfResidence, String stationId, String homeVillageCode, String homeVillageName,
                      VillageStatus villageStatus, List<FamilyMember> family, Consent familyConsent,
                      RegisteredVia registeredVia, boolean hasAccount, Instant registeredAt) {

    static CompatriotView of(Compatriot c) {
        return new CompatriotView(c.id(), c.name(), c.passportCountry(), c.passport(), c.idCard(), c.phone(),
                c.countryOfResidence(), c.cityOfResidence(), c.stationId(), c.homeVillageCode(), c.homeVillageName(),
                c.villageStatus(), c.family(), c.familyConsent(), c.registeredVia(), c.subject() != null,
                c.registeredAt());
    }
}
