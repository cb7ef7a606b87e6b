package cn.lishui.police.mediation.organisation;

import java.time.Instant;

/** An organisation as the API shows it. */
record OrganisationView(String id, String name, OrganisationKind kind, String countyCode, String villageCode,
                        String phone, String createdBy, Instant createdAt, Instant updatedAt, Long version) {

    static OrganisationView of(Organisation organisation) {
        return new OrganisationView(organisation.id(), organisation.name(), organisation.kind(),
                organisation.countyCode(), organisation.villageCode(), organisation.phone(),
                organisation.createdBy(), organisation.createdAt(), organisation.updatedAt(), organisation.version());
    }
}
