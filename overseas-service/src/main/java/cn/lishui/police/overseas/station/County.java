package cn.lishui.police.overseas.station;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The nine counties of Lishui (丽水), by their statistical division code (ARCHITECTURE.md §8): the home
 * county of a station's compatriots. 青田 331121 is the best-known hometown of overseas Chinese.
 */
enum County {
    LIANDU("331102", "莲都区"),
    QINGTIAN("331121", "青田县"),
    JINYUN("331122", "缙云县"),
    SUICHANG("331123", "遂昌县"),
    SONGYANG("331124", "松阳县"),
    YUNHE("331125", "云和县"),
    QINGYUAN("331126", "庆元县"),
    JINGNING("331127", "景宁畲族自治县"),
    LONGQUAN("331181", "龙泉市");

    private final String code;
    private final String chineseName;

    County(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    /** The JSON form: {@code "331121"}, never the constant's name. */
    @JsonValue
    String code() {
        return code;
    }

    String chineseName() {
        return chineseName;
    }

    static Optional<County> ofCode(String code) {
        return Arrays.stream(values()).filter(county -> county.code.equals(code)).findFirst();
    }

    /** The code, so that an "unknown value" problem lists the codes a client may send. */
    @Override
    public String toString() {
        return code;
    }
}
