package cn.lishui.police.publicservice.application;

import static cn.lishui.police.publicservice.application.ApplicationStatus.ACCEPTED;
import static cn.lishui.police.publicservice.application.ApplicationStatus.APPROVED;
import static cn.lishui.police.publicservice.application.ApplicationStatus.DELIVERED;
import static cn.lishui.police.publicservice.application.ApplicationStatus.DENIED;
import static cn.lishui.police.publicservice.application.ApplicationStatus.IN_PROGRESS;
import static cn.lishui.police.publicservice.application.ApplicationStatus.NEEDS_MATERIALS;
import static cn.lishui.police.publicservice.application.ApplicationStatus.NOT_ACCEPTED;
import static cn.lishui.police.publicservice.application.ApplicationStatus.SUBMITTED;

import java.util.EnumMap;
import java.util.Map;

import cn.lishui.police.platform.error.DomainException;

/**
 * The state machine of an application: SUBMITTED → ACCEPTED | NOT_ACCEPTED | NEEDS_MATERIALS;
 * NEEDS_MATERIALS → ACCEPTED | NOT_ACCEPTED; ACCEPTED → IN_PROGRESS → APPROVED | DENIED; APPROVED → DELIVERED.
 */
final class Workflow {

    private static final Map<ApplicationStatus, Map<ApplicationAction, ApplicationStatus>> TRANSITIONS =
            new EnumMap<>(ApplicationStatus.class);

    static {
        allow(SUBMITTED, ApplicationAction.ACCEPT, ACCEPTED);
        allow(SUBMITTED, ApplicationAction.REJECT, NOT_ACCEPTED);
        allow(SUBMITTED, ApplicationAction.REQUEST_MATERIALS, NEEDS_MATERIALS);
        allow(NEEDS_MATERIALS, ApplicationAction.ACCEPT, ACCEPTED);
        allow(NEEDS_MATERIALS, ApplicationAction.REJECT, NOT_ACCEPTED);
        allow(ACCEPTED, ApplicationAction.START, IN_PROGRESS);
        allow(IN_PROGRESS, ApplicationAction.APPROVE, APPROVED);
        allow(IN_PROGRESS, ApplicationAction.DENY, DENIED);
        allow(APPROVED, ApplicationAction.DELIVER, DELIVERED);
    }

    private Workflow() {
    }

    /** The status {@code action} leads to from {@code from}; 409 ILLEGAL_TRANSITION when it may not be taken. */
    static ApplicationStatus next(ApplicationStatus from, ApplicationAction action) {
        ApplicationStatus to = TRANSITIONS.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            throw DomainException.conflict("ILLEGAL_TRANSITION", action.path(), from);
        }
        return to;
    }

    static boolean allowed(ApplicationStatus from, ApplicationAction action) {
        return TRANSITIONS.getOrDefault(from, Map.of()).containsKey(action);
    }

    private static void allow(ApplicationStatus from, ApplicationAction action, ApplicationStatus to) {
        TRANSITIONS.computeIfAbsent(from, status -> new EnumMap<>(ApplicationAction.class)).put(action, to);
    }
}
