package cn.lishui.police.grid.swarm;

/** What a liaison-group member is in the community. */
enum MemberRole {
    /** 平安志愿者 */
    VOLUNTEER,
    /** 店主 */
    SHOPKEEPER,
    /** 保安 */
    SECURITY_GUARD,
    /** 网格员 */
    GRID_WORKER
}
