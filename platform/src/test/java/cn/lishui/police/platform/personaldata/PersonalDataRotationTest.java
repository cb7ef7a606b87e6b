package cn.lishui.police.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.lishui.police.platform.testapp.PlatformTestApplication;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(classes = PlatformTestApplication.class)
class PersonalDataRotationTest {

    @Autowired
    MongoTemplate mongo;

    record Contact(ProtectedValue phone) {
    }

    record Resident(String id, String name, ProtectedValue idCard, Contact contact) {
    }

    record Party(String role, ProtectedValue name, ProtectedValue phone) {
    }

    record Dispute(String id, List<Party> parties) {
    }

    @Test
    void valuesInsideAnArrayAreReSealedElementByElementAndTheOtherFieldsOfTheElementsStay() {
        PersonalDataKeys k1 = new PersonalDataKeys("k1", Map.of("k1", PersonalDataProtectorTest.K1),
                PersonalDataProtectorTest.HMAC);
        PersonalDataProtector old = new PersonalDataProtector(k1);
        for (int i = 0; i < 250; i++) {
            mongo.insert(new Dispute("d" + i, List.of(
                    new Party("APPLICANT", old.protect(PersonalDataKind.NAME, "张三" + i),
                            old.protect(PersonalDataKind.PHONE, "1391234" + String.format("%04d", i))),
                    new Party("RESPONDENT", old.protect(PersonalDataKind.NAME, "李四" + i), null))),
                    "rotation_disputes");
        }
        mongo.insert(new Dispute("no-parties", List.of()), "rotation_disputes");

        PersonalDataKeys k2 = new PersonalDataKeys("k2",
                Map.of("k1", PersonalDataProtectorTest.K1, "k2", PersonalDataProtectorTest.K2),
                PersonalDataProtectorTest.HMAC);
        PersonalDataProtector current = new PersonalDataProtector(k2);
        PersonalDataRotation rotation = new PersonalDataRotation(mongo, current, k2,
                List.of("rotation_disputes:parties[].name", "rotation_disputes:parties[].phone"));

        assertThat(rotation.rotateAll()).isEqualTo(250 * 2 + 250);
        assertThat(rotation.rotateAll()).isZero();

        Dispute d7 = mongo.findById("d7", Dispute.class, "rotation_disputes");
        assertThat(d7.parties()).extracting(Party::role).containsExactly("APPLICANT", "RESPONDENT");
        assertThat(d7.parties()).allSatisfy(party -> assertThat(party.name().keyId()).isEqualTo("k2"));
        assertThat(current.decrypt(d7.parties().get(0).name())).isEqualTo("张三7");
        assertThat(current.decrypt(d7.parties().get(0).phone())).isEqualTo("13912340007");
        assertThat(d7.parties().get(0).phone().masked()).isEqualTo(old.protect(PersonalDataKind.PHONE, "13912340007").masked());
        assertThat(d7.parties().get(1).phone()).isNull();
    }

    @Test
    void afterARotationEveryStoredValueIsReSealedUnderTheNewKeyAndStillReadable() {
        PersonalDataKeys k1 = new PersonalDataKeys("k1", Map.of("k1", PersonalDataProtectorTest.K1),
                PersonalDataProtectorTest.HMAC);
        PersonalDataProtector old = new PersonalDataProtector(k1);
        for (int i = 0; i < 450; i++) {
            mongo.insert(new Resident("r" + i, "resident " + i, old.protect(PersonalDataKind.ID_CARD, IdCardNumberTest.VALID_LISHUI),
                    new Contact(old.protect(PersonalDataKind.PHONE, "1381234" + String.format("%04d", i)))),
                    "rotation_residents");
        }

        PersonalDataKeys k2 = new PersonalDataKeys("k2",
                Map.of("k1", PersonalDataProtectorTest.K1, "k2", PersonalDataProtectorTest.K2),
                PersonalDataProtectorTest.HMAC);
        PersonalDataProtector current = new PersonalDataProtector(k2);
        PersonalDataRotation rotation = new PersonalDataRotation(mongo, current, k2,
                List.of("rotation_residents:idCard", "rotation_residents:contact.phone"));

        assertThat(rotation.rotateAll()).isEqualTo(900);
        assertThat(rotation.rotateAll()).isZero();

        Resident r7 = mongo.findById("r7", Resident.class, "rotation_residents");
        assertThat(r7.idCard().keyId()).isEqualTo("k2");
        assertThat(current.decrypt(r7.idCard())).isEqualTo(IdCardNumberTest.VALID_LISHUI);
        assertThat(current.decrypt(r7.contact().phone())).isEqualTo("13812340007");
        assertThat(r7.contact().phone().blindIndex()).isEqualTo(old.blindIndex(PersonalDataKind.PHONE, "13812340007"));
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Document.class,
                "rotation_residents")).isEqualTo(450);
    }
}
