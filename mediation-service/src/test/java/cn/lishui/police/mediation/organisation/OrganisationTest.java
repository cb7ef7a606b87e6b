package cn.lishui.police.mediation.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lishui.police.platform.error.DomainException;
import org.junit.jupiter.api.Test;

class OrganisationTest {

    @Test
    void aNewOrganisationHasItsRegistrarButNoStoreOwnedFieldsYetAndATrimmedName() {
        Organisation organisation = Organisation.register("  壶镇调解委员会 ", OrganisationKind.PEOPLES_MEDIATION_COMMITTEE,
                "331122", "331122101203", null, "admin-1");

        assertThat(organisation.name()).isEqualTo("壶镇调解委员会");
        assertThat(organisation.createdBy()).isEqualTo("admin-1");
        assertThat(organisation.id()).isNull();
        assertThat(organisation.createdAt()).isNull();
        assertThat(organisation.version()).isNull();
    }

    @Test
    void aVillageMustLieInTheOrganisationsCounty() {
        assertThatThrownBy(() -> Organisation.register("x", OrganisationKind.LAWYER_MEDIATION, "331122",
                "331181101001", null, "admin-1"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("VILLAGE_OUTSIDE_COUNTY"));
    }

    @Test
    void theCountyMustBeOneOfLishui() {
        assertThatThrownBy(() -> Organisation.register("x", OrganisationKind.LAWYER_MEDIATION, "331100", null, null,
                "admin-1"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_COUNTY"));
    }
}
