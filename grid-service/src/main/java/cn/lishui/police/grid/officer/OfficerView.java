package cn.lishui.police.grid.officer;

import cn.lishui.police.platform.personaldata.ProtectedValue;

/** An officer as the API shows it; the contact phone serializes masked. */
record OfficerView(String id, String name, OfficerKind kind, String stationId, String countyCode,
                   String nativeVillageCode, ProtectedValue contactPhone, String account) {

    static OfficerView of(Officer officer) {
        return new OfficerView(officer.id(), officer.name(), officer.kind(), officer.stationId(), officer.countyCode(),
                officer.nativeVillageCode(), officer.contactPhone(), officer.account());
    }
}
