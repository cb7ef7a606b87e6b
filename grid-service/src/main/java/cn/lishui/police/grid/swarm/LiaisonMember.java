package cn.lishui.police.grid.swarm;

import java.time.DayOfWeek;
import java.util.Set;

import cn.lishui.police.platform.personaldata.ProtectedValue;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member of a liaison group. The phone is encrypted and shown masked; {@code onCallDays} is the member's
 * place in the group's on-call roster (值守), {@code account} the token subject with which they acknowledge.
 */
@Document("liaison_members")
record LiaisonMember(@Id String id, @Indexed String groupId, String countyCode, String name, MemberRole role,
                     ProtectedValue phone, Set<DayOfWeek> onCallDays, @Indexed(sparse = true) String account) {
}
