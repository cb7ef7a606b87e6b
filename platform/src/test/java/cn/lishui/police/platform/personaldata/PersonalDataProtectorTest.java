package cn.lishui.police.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PersonalDataProtectorTest {

    static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String HMAC = Base64.getEncoder().encodeToString("blind-index-key-blind-index-key!".getBytes());

    final PersonalDataProtector underK1 = new PersonalDataProtector(new PersonalDataKeys("k1", Map.of("k1", K1), HMAC));

    @Test
    void sealsWithoutKeepingThePlaintextAndOpensAgain() {
        ProtectedValue sealed = underK1.protect(PersonalDataKind.ID_CARD, IdCardNumberTest.VALID_LISHUI);
        assertThat(sealed.ciphertext()).doesNotContain(IdCardNumberTest.VALID_LISHUI);
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.masked()).isEqualTo("3311**********0132");
        assertThat(underK1.decrypt(sealed)).isEqualTo(IdCardNumberTest.VALID_LISHUI);
    }

    @Test
    void theSameValueSealsDifferentlyEachTimeButHasOneBlindIndex() {
        ProtectedValue a = underK1.protect(PersonalDataKind.PHONE, "13812345678");
        ProtectedValue b = underK1.protect(PersonalDataKind.PHONE, "+86 138-1234-5678");
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        assertThat(a.blindIndex()).isEqualTo(b.blindIndex());
        assertThat(a.masked()).isEqualTo("138****5678");
    }

    @Test
    void blindIndexesOfDifferentKindsDiffer() {
        assertThat(underK1.blindIndex(PersonalDataKind.PHONE, "13812345678"))
                .isNotEqualTo(underK1.blindIndex(PersonalDataKind.PASSPORT, "13812345678"));
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        ProtectedValue sealed = underK1.protect(PersonalDataKind.PASSPORT, "E12345678");
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        ProtectedValue tampered = new ProtectedValue(sealed.kind(), sealed.keyId(),
                Base64.getEncoder().encodeToString(bytes), sealed.blindIndex(), sealed.masked());
        assertThatThrownBy(() -> underK1.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCiphertextCannotBePassedOffAsAnotherKind() {
        ProtectedValue phone = underK1.protect(PersonalDataKind.PHONE, "13812345678");
        ProtectedValue relabelled = new ProtectedValue(PersonalDataKind.ID_CARD, phone.keyId(), phone.ciphertext(),
                phone.blindIndex(), phone.masked());
        assertThatThrownBy(() -> underK1.decrypt(relabelled)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotationReSealsUnderTheActiveKeyAndOldValuesStayReadable() {
        ProtectedValue old = underK1.protect(PersonalDataKind.ID_CARD, IdCardNumberTest.VALID);
        PersonalDataProtector underK2 = new PersonalDataProtector(
                new PersonalDataKeys("k2", Map.of("k1", K1, "k2", K2), HMAC));

        assertThat(underK2.decrypt(old)).isEqualTo(IdCardNumberTest.VALID);
        assertThat(underK2.needsRotation(old)).isTrue();
        ProtectedValue rotated = underK2.rotate(old);
        assertThat(rotated.keyId()).isEqualTo("k2");
        assertThat(rotated.blindIndex()).isEqualTo(old.blindIndex());
        assertThat(underK2.decrypt(rotated)).isEqualTo(IdCardNumberTest.VALID);
        assertThat(underK2.needsRotation(rotated)).isFalse();
    }

    @Test
    void jsonShowsOnlyTheMask() {
        record Resident(String name, ProtectedValue idCard) {
        }
        String json = JsonMapper.builder().build().writeValueAsString(
                new Resident("r", underK1.protect(PersonalDataKind.ID_CARD, IdCardNumberTest.VALID_LISHUI)));
        assertThat(json).isEqualTo("{\"name\":\"r\",\"idCard\":\"3311**********0132\"}");
    }

    @Test
    void masksEveryKind() {
        assertThat(PersonalDataKind.PASSPORT.mask("E12345678")).isEqualTo("E1*****78");
        assertThat(PersonalDataKind.EMAIL.mask("zhang.san@example.com")).isEqualTo("z***@example.com");
        assertThat(PersonalDataKind.NAME.mask("欧阳修")).isEqualTo("欧**");
        assertThat(PersonalDataKind.ADDRESS.mask("丽水市青田县鹤城街道某某路1号")).isEqualTo("丽水市青田县****");
    }
}
