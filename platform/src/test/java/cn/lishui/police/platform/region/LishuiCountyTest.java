package cn.lishui.police.platform.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LishuiCountyTest {

    private final CountyCode.Validator validator = new CountyCode.Validator();

    @ParameterizedTest
    @ValueSource(strings = {"331102", "331121", "331122", "331123", "331124", "331125", "331126", "331127", "331181"})
    void theNineCountyLevelDivisionsOfLishuiAreCounties(String code) {
        assertThat(LishuiCounty.isCountyCode(code)).isTrue();
        assertThat(validator.isValid(code, null)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"331100", "331101", "331182", "330102", "331122101203", "33112"})
    void lishuiCityItselfAndCodesOutsideLishuiAreNot(String code) {
        assertThat(LishuiCounty.isCountyCode(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"331100", "330102"})
    void theConstraintRejectsOtherCodesAndLeavesAbsenceToNotNull(String code) {
        assertThat(validator.isValid(code, null)).isFalse();
        assertThat(validator.isValid(null, null)).isTrue();
    }
}
