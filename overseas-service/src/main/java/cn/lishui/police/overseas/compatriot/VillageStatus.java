package cn.lishui.police.overseas.compatriot;

/** Whether the home village code was confirmed by grid-service. */
public enum VillageStatus {
    /** grid-service knows it as a village */
    VERIFIED,
    /** grid-service could not be asked yet; re-verified later by the village-verification queue */
    UNVERIFIED,
    /** grid-service said it is no village (found out on re-verification): staff must correct it */
    NOT_FOUND
}
