package cn.lishui.police.grid.policeoffice;

/** What a community police office (警务室) offers. */
enum OfficeFunction {
    /** 流动人口登记 */
    FLOATING_POPULATION_REGISTRATION,
    /** 部分户籍业务 */
    HOUSEHOLD_REGISTRATION,
    /** 居民身份证受理 */
    ID_CARD_APPLICATION,
    /** 居住证办理 */
    RESIDENCE_PERMIT,
    /** 交通违法处理 */
    TRAFFIC_VIOLATION_HANDLING,
    /** 矛盾纠纷调解 */
    DISPUTE_MEDIATION,
    /** 失物招领 */
    LOST_AND_FOUND,
    /** 证明开具 */
    CERTIFICATE_ISSUANCE,
    /** 反诈宣传咨询 */
    FRAUD_PREVENTION,
    /** 报警求助 */
    EMERGENCY_ASSISTANCE,
    /** 治安巡逻 */
    SECURITY_PATROL,
    /** 法律咨询 */
    LEGAL_CONSULTATION,
    /** 出入境业务咨询 */
    EXIT_ENTRY_CONSULTATION
}
