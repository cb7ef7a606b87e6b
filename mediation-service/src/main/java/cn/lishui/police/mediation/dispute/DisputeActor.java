package cn.lishui.police.mediation.dispute;

import java.util.Set;

/**
 * Who acts on a dispute, as far as its rules care: the subject, whether they command (COMMANDER), and whether
 * they head the dispute's organisation (looked up by the service before the dispute decides).
 */
record DisputeActor(String subject, Set<String> roles, boolean headOfOrganisation) {

    boolean commander() {
        return roles.contains("COMMANDER");
    }
}
