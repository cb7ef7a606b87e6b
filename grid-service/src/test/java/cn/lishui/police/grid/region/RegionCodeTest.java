package cn.lishui.police.grid.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lishui.police.platform.error.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class RegionCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"331102", "331181", "331122101000", "331122101203"})
    void acceptsCountyCodesOfSixDigitsAndTownOrVillageCodesOfTwelve(String value) {
        assertThat(RegionCode.of(value).value()).isEqualTo(value);
        assertThat(RegionCode.of(value)).hasToString(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"33110", "3311021", "33112210100", "3311221010001", "33110a", " 331102", "331102 ",
            "３３１１０２", "331102\n", "-33110"})
    void rejectsAnythingThatIsNotSixOrTwelveAsciiDigitsAsABadRequest(String value) {
        assertThatThrownBy(() -> RegionCode.of(value))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.code()).isEqualTo("INVALID_REGION_CODE");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"331102", "331122101203"})
    void equalCodesAreEqualValues(String value) {
        assertThat(RegionCode.of(value)).isEqualTo(RegionCode.of(new String(value)))
                .hasSameHashCodeAs(RegionCode.of(value));
    }
}
