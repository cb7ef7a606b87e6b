package cn.lishui.police.overseas.station;

/** What a station offers compatriots. */
public enum StationService {
    /** 全球通办: police services handled from abroad */
    GLOBAL_SERVICES,
    /** 视频身份核验 for remote handling */
    VIDEO_IDENTITY_CHECK,
    /** 代办: applying for a compatriot under a proxy */
    PROXY_HANDLING,
    /** 援助物资 distribution */
    AID_DISTRIBUTION,
    LEGAL_HELP,
    /** 亲情关爱: family care at home */
    FAMILY_CARE,
    /** 矛盾纠纷调解 among compatriots */
    DISPUTE_MEDIATION,
    EMERGENCY_HELP
}
