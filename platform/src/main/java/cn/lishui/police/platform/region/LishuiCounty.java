package cn.lishui.police.platform.region;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The nine county-level divisions of Lishui (丽水市, 331100), by their statistical division codes
 * (ARCHITECTURE.md §8). The codes are fixed by the state, so every service checks them locally;
 * grid-service owns the map below them (towns, villages, grids). In JSON a county is its code,
 * {@code "331121"}, never the constant's name, both ways ({@code @JsonValue}); any other value is an
 * unknown enum value (400 INVALID_ENUM_VALUE).
 */
public enum LishuiCounty {
    LIANDU("331102", "莲都区", "Liandu District"),
    QINGTIAN("331121", "青田县", "Qingtian County"),
    JINYUN("331122", "缙云县", "Jinyun County"),
    SUICHANG("331123", "遂昌县", "Suichang County"),
    SONGYANG("331124", "松阳县", "Songyang County"),
    YUNHE("331125", "云和县", "Yunhe County"),
    QINGYUAN("331126", "庆元县", "Qingyuan County"),
    JINGNING("331127", "景宁畲族自治县", "Jingning She Autonomous County"),
    LONGQUAN("331181", "龙泉市", "Longquan City");

    /** 丽水市, the prefecture-level city the counties belong to. */
    public static final String LISHUI_CITY = "331100";

    private final String code;
    private final String chineseName;
    private final String englishName;

    LishuiCounty(String code, String chineseName, String englishName) {
        this.code = code;
        this.chineseName = chineseName;
        this.englishName = englishName;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }

    public static Optional<LishuiCounty> ofCode(String code) {
        return Arrays.stream(values()).filter(county -> county.code.equals(code)).findFirst();
    }

    public static boolean isCountyCode(String code) {
        return ofCode(code).isPresent();
    }

    /** The code, so that an "unknown value" problem lists the codes a client may send. */
    @Override
    public String toString() {
        return code;
    }
}
