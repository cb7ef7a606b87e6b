package cn.lishui.police.overseas.aid;

/** The kinds of goods donated, kept in stock and shipped; {@code key} names them in the KPIs. */
public enum ItemType {
    /** 口罩 */
    MASK("masks"),
    /** 中药包 (traditional Chinese medicine packs) */
    TCM_PACK("tcmPacks"),
    PROTECTIVE_SUIT("protectiveSuits"),
    GLOVES("gloves"),
    DISINFECTANT("disinfectant"),
    THERMOMETER("thermometers"),
    MEDICINE("medicines"),
    TEST_KIT("testKits"),
    FOOD_PARCEL("foodParcels");

    private final String key;

    ItemType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
