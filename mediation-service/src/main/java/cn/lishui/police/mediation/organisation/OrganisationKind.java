package cn.lishui.police.mediation.organisation;

/** The kinds of mediation organisation (调解组织) in Lishui's mediation network. */
public enum OrganisationKind {
    /** 人民调解委员会: of a village, community, town or enterprise, under the People's Mediation Law. */
    PEOPLES_MEDIATION_COMMITTEE,
    /** 行业性、专业性调解组织: medical, traffic, labour, property, ... */
    INDUSTRY_PROFESSIONAL,
    /** 法院特邀调解组织: invited by a court to mediate cases before or after filing. */
    COURT_INVITED,
    /** 律师调解工作室. */
    LAWYER_MEDIATION,
    /** 派出所驻所调解室: the mediation room of a police station (警调衔接). */
    POLICE_STATION_ROOM,
    /** 社会治理综合服务中心 (矛调中心): the county or town comprehensive governance centre. */
    GOVERNANCE_CENTRE,
    /** 110 联动调解中心: takes the disputes handed off from 110 incidents. */
    INCIDENT_LINKAGE_CENTRE,
    /** 商会调解中心. */
    CHAMBER_OF_COMMERCE
}
