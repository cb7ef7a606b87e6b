package cn.lishui.police.mediation.mediator;

import java.util.List;

import cn.lishui.police.mediation.dispute.DisputeCategory;
import cn.lishui.police.platform.personaldata.ProtectedValue;

/** A mediator as the API shows it, with the derived caseload; the phone masked. */
record MediatorView(String id, String subject, String name, ProtectedValue phone, String organisationId,
                    String countyCode, String townCode, List<DisputeCategory> specialties, List<String> dialects,
                    List<String> areaCodes, int capacity, long caseload, boolean available, boolean active,
                    Long version) {

    static MediatorView of(Mediator mediator, long caseload) {
        return new MediatorView(mediator.id(), mediator.subject(), mediator.name(), mediator.phone(),
                mediator.organisationId(), mediator.countyCode(), mediator.townCode(), mediator.specialties(),
                mediator.dialects(), mediator.areaCodes(), mediator.capacity(), caseload,
                mediator.active() && caseload < mediator.capacity(), mediator.active(), mediator.version());
    }
}
