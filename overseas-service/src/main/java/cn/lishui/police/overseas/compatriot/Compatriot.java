package cn.lishui.police.overseas.compatriot;

import java.time.Instant;
import java.util.List;

import cn.lishui.police.platform.delivery.Delivery;
import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A compatriot (侨胞) registered with an overseas station. Passport, ID card, phone and family names are sealed
 * and blind-indexed by the platform's PersonalDataProtector; responses show them masked. The home village is
 * checked against grid-service; while it could not be, {@code villageCheck} holds the pending re-verification
 * (the platform's Delivery, driven by VillageVerificationQueue) in this same document.
 *
 * @param subject the compatriot's account (token subject), when they have one; unique
 */
@Document("compatriots")
@CompoundIndexes({
    @CompoundIndex(name = "village_check_due", def = "{'villageCheck.status': 1, 'villageCheck.nextAttemptAt': 1}"),
    @CompoundIndex(name = "station_registered", def = "{'stationId': 1, 'registeredAt': -1}"),
    @CompoundIndex(name = "registered", def = "{'registeredAt': -1}")
})
record Compatriot(@Id String id, @Indexed(unique = true, sparse = true) String subject, String name,
                  String passportCountry, ProtectedValue passport, ProtectedValue idCard, ProtectedValue phone,
                  @Indexed String countryOfResidence, String cityOfResidence, String stationId,
                  String homeVillageCode, String homeVillageName, VillageStatus villageStatus, Delivery villageCheck,
                  List<FamilyMember> family, Consent familyConsent, RegisteredVia registeredVia, String registeredBy,
                  Instant registeredAt, @Version Long version) {

    Compatriot {
        family = family == null ? List.of() : List.copyOf(family);
    }
}
