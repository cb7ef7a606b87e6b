package cn.lishui.police.mediation.dispute;

import static cn.lishui.police.mediation.dispute.DisputeAction.ACCEPT;
import static cn.lishui.police.mediation.dispute.DisputeAction.ADD_PARTY;
import static cn.lishui.police.mediation.dispute.DisputeAction.AGREE;
import static cn.lishui.police.mediation.dispute.DisputeAction.ASSIGN;
import static cn.lishui.police.mediation.dispute.DisputeAction.CLOSE;
import static cn.lishui.police.mediation.dispute.DisputeAction.DECLINE;
import static cn.lishui.police.mediation.dispute.DisputeAction.FAIL;
import static cn.lishui.police.mediation.dispute.DisputeAction.FOLLOW_UP;
import static cn.lishui.police.mediation.dispute.DisputeAction.REASSIGN;
import static cn.lishui.police.mediation.dispute.DisputeAction.RECORD_SESSION;
import static cn.lishui.police.mediation.dispute.DisputeAction.REQUEST_RECUSAL;
import static cn.lishui.police.mediation.dispute.DisputeAction.REVIEW_RECUSAL;
import static cn.lishui.police.mediation.dispute.DisputeAction.SCHEDULE_SESSION;
import static cn.lishui.police.mediation.dispute.DisputeAction.START;
import static cn.lishui.police.mediation.dispute.DisputeAction.WITHDRAW;
import static cn.lishui.police.mediation.dispute.DisputeStatus.ACCEPTED;
import static cn.lishui.police.mediation.dispute.DisputeStatus.AGREED;
import static cn.lishui.police.mediation.dispute.DisputeStatus.ASSIGNED;
import static cn.lishui.police.mediation.dispute.DisputeStatus.CLOSED;
import static cn.lishui.police.mediation.dispute.DisputeStatus.DECLINED;
import static cn.lishui.police.mediation.dispute.DisputeStatus.FAILED;
import static cn.lishui.police.mediation.dispute.DisputeStatus.FOLLOWED_UP;
import static cn.lishui.police.mediation.dispute.DisputeStatus.IN_MEDIATION;
import static cn.lishui.police.mediation.dispute.DisputeStatus.REGISTERED;
import static cn.lishui.police.mediation.dispute.DisputeStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.platform.error.DomainException;

/**
 * The state machine of a dispute: REGISTERED → ACCEPTED | DECLINED; ACCEPTED → ASSIGNED; ASSIGNED →
 * IN_MEDIATION; IN_MEDIATION → AGREED | FAILED; AGREED → FOLLOWED_UP (or back to IN_MEDIATION when a follow-up
 * finds the agreement not performed); FAILED and FOLLOWED_UP → CLOSED; a party may withdraw until an outcome,
 * the head may reassign an assigned case, and a party may ask for the mediator's recusal while one is on it.
 * Actions that keep the status (sessions, recusals, reassignment) are listed too, so that a 409 names every
 * action the dispute allows now.
 */
final class Workflow {

    private static final Map<DisputeStatus, Map<DisputeAction, DisputeStatus>> TRANSITIONS =
            new EnumMap<>(DisputeStatus.class);

    static {
        allow(REGISTERED, ACCEPT, ACCEPTED);
        allow(REGISTERED, DECLINE, DECLINED);
        allow(REGISTERED, WITHDRAW, WITHDRAWN);
        allow(REGISTERED, ADD_PARTY, REGISTERED);
        allow(ACCEPTED, ASSIGN, ASSIGNED);
        allow(ACCEPTED, WITHDRAW, WITHDRAWN);
        allow(ACCEPTED, ADD_PARTY, ACCEPTED);
        allow(ASSIGNED, START, IN_MEDIATION);
        allow(ASSIGNED, REASSIGN, ASSIGNED);
        allow(ASSIGNED, SCHEDULE_SESSION, ASSIGNED);
        allow(ASSIGNED, REQUEST_RECUSAL, ASSIGNED);
        allow(ASSIGNED, REVIEW_RECUSAL, ASSIGNED);
        allow(ASSIGNED, WITHDRAW, WITHDRAWN);
        allow(ASSIGNED, ADD_PARTY, ASSIGNED);
        allow(IN_MEDIATION, AGREE, AGREED);
        allow(IN_MEDIATION, FAIL, FAILED);
        allow(IN_MEDIATION, REASSIGN, ASSIGNED);
        allow(IN_MEDIATION, SCHEDULE_SESSION, IN_MEDIATION);
        allow(IN_MEDIATION, RECORD_SESSION, IN_MEDIATION);
        allow(IN_MEDIATION, REQUEST_RECUSAL, IN_MEDIATION);
        allow(IN_MEDIATION, REVIEW_RECUSAL, IN_MEDIATION);
        allow(IN_MEDIATION, WITHDRAW, WITHDRAWN);
        allow(IN_MEDIATION, ADD_PARTY, IN_MEDIATION);
        allow(AGREED, FOLLOW_UP, FOLLOWED_UP);
        allow(FAILED, CLOSE, CLOSED);
        allow(FOLLOWED_UP, FOLLOW_UP, FOLLOWED_UP);
        allow(FOLLOWED_UP, CLOSE, CLOSED);
    }

    private Workflow() {
    }

    /**
     * The status {@code action} leads to from {@code from}; 409 ILLEGAL_TRANSITION when it may not be taken,
     * naming the allowed actions in the detail and, as grid-service's workflow conflicts do, carrying
     * {@code state} and {@code allowedActions} (the actions' path segments) as members of the problem body.
     */
    static DisputeStatus next(DisputeStatus from, DisputeAction action) {
        DisputeStatus to = TRANSITIONS.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            List<String> allowed = allowedActions(from);
            throw DomainException.conflict("ILLEGAL_TRANSITION", action.path(), from,
                            allowed.isEmpty() ? "-" : String.join(", ", allowed))
                    .with("state", from == null ? null : from.name())
                    .with("allowedActions", allowed);
        }
        return to;
    }

    static boolean allowed(DisputeStatus from, DisputeAction action) {
        return TRANSITIONS.getOrDefault(from, Map.of()).containsKey(action);
    }

    /** The actions allowed in {@code status}, as their path segments, in declaration order. */
    static List<String> allowedActions(DisputeStatus status) {
        return TRANSITIONS.getOrDefault(status, Map.of()).keySet().stream().map(DisputeAction::path).toList();
    }

    private static void allow(DisputeStatus from, DisputeAction action, DisputeStatus to) {
        TRANSITIONS.computeIfAbsent(from, status -> new EnumMap<>(DisputeAction.class)).put(action, to);
    }
}
