package cn.lishui.police.mediation.dispute;

/** The kinds of dispute (矛盾纠纷) mediators specialise in; the same names as grid-service's incident hand-off. */
public enum DisputeCategory {
    /** 邻里纠纷. */
    NEIGHBOUR,
    /** 婚姻家庭纠纷. */
    MARRIAGE_FAMILY,
    /** 山林土地、房屋宅基地纠纷. */
    LAND_PROPERTY,
    /** 劳动争议、欠薪. */
    LABOUR_WAGES,
    /** 消费纠纷. */
    CONSUMER,
    /** 交通事故损害赔偿. */
    TRAFFIC_ACCIDENT,
    /** 合同、商事纠纷. */
    COMMERCIAL,
    OTHER
}
