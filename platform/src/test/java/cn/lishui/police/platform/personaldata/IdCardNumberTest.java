package cn.lishui.police.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lishui.police.platform.error.DomainException;
import org.junit.jupiter.api.Test;

class IdCardNumberTest {

    // GB 11643 example-style numbers with correct check characters
    static final String VALID = "11010519491231002X";
    static final String VALID_LISHUI = "331121198805120132";

    @Test
    void acceptsNumbersWithACorrectCheckCharacter() {
        assertThat(IdCardNumber.isValid(VALID)).isTrue();
        assertThat(IdCardNumber.isValid("11010519491231002x")).isTrue();
        assertThat(IdCardNumber.of(VALID_LISHUI).regionCode()).isEqualTo("331121");
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThat(IdCardNumber.isValid("110105194912310021")).isFalse();
        assertThatThrownBy(() -> IdCardNumber.of("331121198805120133"))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("INVALID_ID_CARD_NUMBER");
    }

    @Test
    void refusesImpossibleBirthDatesAndWrongShapes() {
        assertThat(IdCardNumber.isValid("331121198802300011")).isFalse(); // 30 February
        assertThat(IdCardNumber.isValid("3311211988051200")).isFalse();
        assertThat(IdCardNumber.isValid("33112119880512001A")).isFalse();
        assertThat(IdCardNumber.isValid(null)).isFalse();
    }

    @Test
    void neverPrintsTheNumber() {
        assertThat(IdCardNumber.of(VALID_LISHUI).toString()).isEqualTo("3311**********0132");
    }
}
