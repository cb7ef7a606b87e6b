package cn.lishui.police.mediation.organisation;

import java.time.Instant;

/** An organisation as the API shows it. */
record OrganisationView(String id, String name, OrganisationKind kind, String countyCode, String townCode,
                        String villageCode, String brandName, String policeOfficeId, String headId, String phone,
                        String createdBy, Instant createdAt, Instant updatedAt, Long version) {

    static OrganisationView of(Organisation organisation) {
        return new OrganisationView(organisation.id(), organisation.name(), organisation.kind(),
                organisation.countyCode(), organisation.townCode(), organisation.villageCode(),
                organisation.brandName(), organisation.policeOfficeId(), organisation.headId(), organisation.phone(),
                organisation.createdBy(), organisation.createdAt(), organisation.updatedAt(), organisation.version());
    }
}
