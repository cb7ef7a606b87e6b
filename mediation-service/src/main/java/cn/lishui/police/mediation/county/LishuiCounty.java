package cn.lishui.police.mediation.county;

import java.util.Arrays;

/**
 * The nine county-level divisions of Lishui (丽水市, 331100) by their statistical division codes.
 * grid-service owns the map; these codes are fixed by the state, so mediation checks them locally
 * instead of calling grid-service for every request.
 */
public enum LishuiCounty {
    LIANDU("331102"),
    QINGTIAN("331121"),
    JINYUN("331122"),
    SUICHANG("331123"),
    SONGYANG("331124"),
    YUNHE("331125"),
    QINGYUAN("331126"),
    JINGNING("331127"),
    LONGQUAN("331181");

    private final String code;

    LishuiCounty(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static boolean isCountyCode(String code) {
        return Arrays.stream(values()).anyMatch(county -> county.code.equals(code));
    }
}
