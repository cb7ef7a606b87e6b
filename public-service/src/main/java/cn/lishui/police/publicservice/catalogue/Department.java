package cn.lishui.police.publicservice.catalogue;

/** The police department that handles a service item (ARCHITECTURE.md §8). */
public enum Department {
    /** 户政 */
    HOUSEHOLD,
    /** 出入境 */
    EXIT_ENTRY,
    /** 交管 */
    TRAFFIC,
    /** 治安 */
    PUBLIC_ORDER,
    /** 网安 */
    CYBER_SECURITY,
    /** 刑侦 */
    CRIMINAL_INVESTIGATION
}
