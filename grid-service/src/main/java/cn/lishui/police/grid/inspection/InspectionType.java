package cn.lishui.police.grid.inspection;

import java.util.List;

/** Kinds of routine inspection (基础排查) a grid officer carries out in a grid. */
enum InspectionType {
    /** 流动人口核查 */
    FLOATING_POPULATION_CHECK(List.of("核对在住人员身份", "核对居住登记有效期", "登记新增流动人员")),
    /** 出租房屋检查 */
    RENTAL_HOUSING(List.of("核对承租人登记", "检查消防通道", "告知房东治安责任")),
    /** 消防安全检查 */
    FIRE_SAFETY(List.of("检查灭火器有效期", "检查疏散通道", "检查电线私拉乱接")),
    /** 企业内部安全检查 */
    ENTERPRISE_SECURITY(List.of("检查门卫值守", "检查危险品存放", "核对从业人员登记")),
    /** 留守家庭关爱走访 (overseas-service creates these for families of overseas Chinese) */
    FAMILY_CARE_VISIT(List.of("了解家庭近况", "登记困难诉求", "告知联系方式")),
    /** 校园周边安全检查 */
    SCHOOL_SURROUNDINGS(List.of("检查上下学护学岗", "排查周边摊贩", "检查交通设施")),
    /** 矛盾纠纷排查 */
    DISPUTE_SCREENING(List.of("排查邻里矛盾", "排查婚恋家庭纠纷", "登记需调解事项")),
    /** 重点人员走访 */
    KEY_PERSON_VISIT(List.of("见面核实近况", "了解思想动态", "登记走访情况"));

    private final List<String> defaultChecklist;

    InspectionType(List<String> defaultChecklist) {
        this.defaultChecklist = defaultChecklist;
    }

    /** The checklist a task of this type gets when the creator gives none. */
    List<String> defaultChecklist() {
        return defaultChecklist;
    }
}
