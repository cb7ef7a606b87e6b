package cn.lishui.police.mediation.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import cn.lishui.police.platform.security.Caller;
import org.junit.jupiter.api.Test;

class OrganisationScopeTest {

    @Test
    void aMediatorSeesTheOrganisationsOfTheirOwnCountyOnly() {
        OrganisationScope scope = OrganisationScope.of(caller("331121", "MEDIATOR"));

        assertThat(scope.covers("331121")).isTrue();
        assertThat(scope.covers("331102")).isFalse();
        assertThat(scope.covers(null)).isFalse();
    }

    @Test
    void aMediatorWhoseTokenNamesNoCountySeesNone() {
        OrganisationScope scope = OrganisationScope.of(caller(null, "MEDIATOR"));

        assertThat(scope.everyCounty()).isFalse();
        assertThat(scope.covers("331121")).isFalse();
    }

    @Test
    void adminsAndCommandersSeeEveryCountyEvenWhenTheyMediateToo() {
        assertThat(OrganisationScope.of(caller("331121", "MEDIATOR", "COMMANDER")).covers("331102")).isTrue();
        assertThat(OrganisationScope.of(caller(null, "MEDIATOR", "ADMIN")).covers("331102")).isTrue();
    }

    @Test
    void otherCallersReadTheWholeDirectory() {
        assertThat(OrganisationScope.of(caller(null, "CITIZEN"))).isEqualTo(OrganisationScope.EVERY_COUNTY);
        assertThat(OrganisationScope.of(caller("331121", "GRID_OFFICER")).covers("331181")).isTrue();
    }

    private static Caller caller(String countyCode, String... roles) {
        return new Caller("u-1", "u-1", Set.of(roles), countyCode, null, null);
    }
}
