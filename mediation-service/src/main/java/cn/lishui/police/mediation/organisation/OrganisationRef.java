package cn.lishui.police.mediation.organisation;

import cn.lishui.police.platform.security.Caller;

/**
 * What the other features of the service need to know of an organisation: where it is and who heads it.
 *
 * @param headId the subject of its head, or {@code null} while none is appointed
 */
public record OrganisationRef(String id, String name, OrganisationKind kind, String countyCode, String townCode,
                              String headId) {

    static OrganisationRef of(Organisation organisation) {
        return new OrganisationRef(organisation.id(), organisation.name(), organisation.kind(),
                organisation.countyCode(), organisation.townCode(), organisation.headId());
    }

    public boolean headedBy(String subject) {
        return headId != null && headId.equals(subject);
    }

    /**
     * Whether the caller acts as the organisation's head: its appointed head or, while none is appointed, a
     * mediator whose token names the organisation ({@code organisation_id}), e.g. the demo mediator of
     * {@code org-331121-01}.
     */
    public boolean headedBy(Caller caller) {
        if (headId != null) {
            return headId.equals(caller.subject());
        }
        return caller.hasRole("MEDIATOR") && id.equals(caller.organisationId());
    }
}
