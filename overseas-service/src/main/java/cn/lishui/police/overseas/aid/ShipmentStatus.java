package cn.lishui.police.overseas.aid;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.lishui.police.platform.error.DomainException;

/** Where a shipment (发运) is: IN_PROCESS → SENT → IN_TRANSIT → RECEIVED, or CANCELLED / RETURNING. */
public enum ShipmentStatus {
    IN_PROCESS, SENT, IN_TRANSIT, RECEIVED, CANCELLED, RETURNING;

    /** The actions of the tracking workflow, by path segment. */
    enum Action {
        SEND, TRANSIT, RECEIVE, CANCEL, RETURN;

        static Action ofPath(String path) {
            try {
                return valueOf(path.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.notFound("SHIPMENT_ACTION_UNKNOWN", path);
            }
        }

        String path() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<Action, Set<ShipmentStatus>> FROM = Map.of(
            Action.SEND, Set.of(IN_PROCESS),
            Action.TRANSIT, Set.of(SENT),
            Action.RECEIVE, Set.of(SENT, IN_TRANSIT),
            Action.CANCEL, Set.of(IN_PROCESS),
            Action.RETURN, Set.of(SENT, IN_TRANSIT));

    private static final Map<Action, ShipmentStatus> TO = Map.of(Action.SEND, SENT, Action.TRANSIT, IN_TRANSIT,
            Action.RECEIVE, RECEIVED, Action.CANCEL, CANCELLED, Action.RETURN, RETURNING);

    /** The status after {@code action}; 409 SHIPMENT_ACTION_NOT_ALLOWED when the action does not apply now. */
    ShipmentStatus next(Action action) {
        if (!FROM.get(action).contains(this)) {
            throw DomainException.conflict("SHIPMENT_ACTION_NOT_ALLOWED", action.path(), this);
        }
        return TO.get(action);
    }
}
