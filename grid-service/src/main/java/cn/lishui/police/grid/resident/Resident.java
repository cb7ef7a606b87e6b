package cn.lishui.police.grid.resident;

import java.time.Instant;
import java.time.LocalDate;

import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person living in a village (实有人口), or a floating resident (流动人口) with a registration expiry.
 * The ID-card number, phone and address are encrypted and blind-indexed; responses show them masked.
 *
 * @param personInVillage the village code and the ID card's blind index: unique, so one person is
 *                        registered once per village
 */
@Document("residents")
record Resident(@Id String id, ResidentKind kind, String name, ProtectedValue idCard, ProtectedValue phone,
                ProtectedValue address, String villageCode, String gridCode, @Indexed String countyCode,
                LocalDate moveInDate, LocalDate registrationExpiry, @Indexed(unique = true) String personInVillage,
                String registeredBy, Instant registeredAt, @Version Long version) {
}
