package cn.lishui.police.publicservice.catalogue;

/** How an applicant reaches a service item (办理渠道). */
public enum Channel {
    /** 窗口办 */
    WINDOW,
    /** 网上办 */
    ONLINE,
    /** 掌上办 */
    MOBILE,
    /** 自助终端 */
    SELF_SERVICE_TERMINAL,
    /** 邮寄办 */
    MAIL,
    /** 海外服务站 (全球通办) */
    OVERSEAS_STATION
}
