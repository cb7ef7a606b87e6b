package cn.lishui.police.mediation.mediator;

import java.util.List;

import cn.lishui.police.mediation.dispute.DisputeCategory;

/**
 * A mediator as the dispute feature sees one: who they are (the subject of their account, for "my cases"),
 * where they work, what they mediate and how many cases they can carry.
 */
public record MediatorRef(String id, String subject, String name, String organisationId, String countyCode,
                          String townCode, List<DisputeCategory> specialties, List<String> dialects,
                          List<String> areaCodes, int capacity, boolean active) {

    public MediatorRef {
        specialties = specialties == null ? List.of() : List.copyOf(specialties);
        dialects = dialects == null ? List.of() : List.copyOf(dialects);
        areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
    }
}
