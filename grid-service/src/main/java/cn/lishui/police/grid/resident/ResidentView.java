package cn.lishui.police.grid.resident;

import java.time.LocalDate;

import cn.lishui.police.platform.personaldata.ProtectedValue;

/** A resident as the API shows it: ID card, phone and address masked. */
record ResidentView(String id, ResidentKind kind, String name, ProtectedValue idCardNumber, ProtectedValue phone,
                    ProtectedValue address, String villageCode, String gridCode, String countyCode,
                    LocalDate moveInDate, LocalDate registrationExpiry) {

    static ResidentView of(Resident resident) {
        return new ResidentView(resident.id(), resident.kind(), resident.name(), resident.idCard(), resident.phone(),
                resident.address(), resident.villageCode(), resident.gridCode(), resident.countyCode(),
                resident.moveInDate(), resident.registrationExpiry());
    }
}
