package cn.lishui.police.overseas.compatriot;

import cn.lishui.police.platform.personaldata.ProtectedValue;

/**
 * A family member left at home (留守老人、留守儿童): their name is personal data (sealed, shown masked).
 *
 * @param livesAlone an elderly parent living alone is who family-care visits are for
 */
public record FamilyMember(Relation relation, ProtectedValue name, Integer age, boolean livesAlone, String note) {

    public enum Relation { FATHER, MOTHER, GRANDPARENT, SPOUSE, CHILD, GRANDCHILD, SIBLING, OTHER }
}
