package cn.lishui.police.overseas.aid;

/** What a compatriot or a station asks for. */
public enum AidType {
    MEDICAL_SUPPLIES(true),
    /** medicine, traditional Chinese medicine packs */
    MEDICINE_TCM(true),
    LEGAL_HELP(false),
    /** passports, certificates, records */
    DOCUMENTS(false),
    /** care for the family left at home */
    FAMILY_CARE(false),
    EMERGENCY(false);

    private final boolean goods;

    AidType(boolean goods) {
        this.goods = goods;
    }

    /** Whether the request is for goods, which need item lines and are fulfilled by shipments. */
    boolean goods() {
        return goods;
    }
}
