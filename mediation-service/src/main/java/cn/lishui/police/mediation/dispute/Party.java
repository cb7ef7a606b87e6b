package cn.lishui.police.mediation.dispute;

import cn.lishui.police.platform.personaldata.ProtectedValue;

/**
 * A party to a dispute (当事人). Name and phone are personal data: sealed at rest and shown masked; only
 * {@code subject} (the party's own account, when they have one) links a citizen to their case.
 *
 * @param dialect the dialect (乡音) the party speaks best, for matching a mediator, or {@code null}
 */
record Party(String partyId, ProtectedValue name, ProtectedValue phone, PartyRole role, String dialect,
             String subject) {

    enum PartyRole { APPLICANT, RESPONDENT, OTHER }
}
