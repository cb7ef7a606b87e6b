package cn.lishui.police.publicservice.window;

/** The 11 convenience measures (便民措施) of the "1+X" window standard. */
public enum ConvenienceMeasure {
    /** 无现金支付 */
    CASHLESS_PAYMENT,
    /** 读秒办件: instant items done while the applicant waits, timed */
    COUNTDOWN_PROCESSING,
    /** 刷脸办 */
    FACE_SCAN,
    /** 预约办 */
    APPOINTMENT,
    /** 延时错时服务 (lunch-time and evening hours) */
    EXTENDED_HOURS,
    /** 上门办 for the elderly and disabled */
    DOORSTEP_SERVICE,
    /** 邮政寄递 of certificates */
    MAIL_DELIVERY,
    /** 自助办 terminals */
    SELF_SERVICE,
    /** 电子证照 accepted instead of paper */
    E_CERTIFICATE,
    /** 一窗通办 (one window for every department) */
    ONE_WINDOW,
    /** 绿色通道 for the elderly, pregnant and disabled */
    GREEN_CHANNEL
}
