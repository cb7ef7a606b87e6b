package cn.lishui.police.grid.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lishui.police.platform.error.DomainException;
import org.springframework.http.HttpStatus;

/**
 * 409: an action a workflow object (incident, care visit) does not allow in its current state. The
 * problem body names the state and the actions that are allowed now ({@code state}, {@code allowedActions}),
 * so a client can offer the right buttons.
 */
public class ActionNotAllowed extends DomainException {

    private final transient String state;
    private final transient List<String> allowedActions;

    /**
     * @param code    the problem code, e.g. {@code INCIDENT_ACTION_NOT_ALLOWED}; its detail gets the id,
     *                the action, the state and the allowed actions as {0}..{3}
     */
    public ActionNotAllowed(String code, String id, String action, String state, List<String> allowedActions) {
        super(HttpStatus.CONFLICT, code, id, action, state,
                allowedActions.isEmpty() ? "-" : String.join(", ", allowedActions));
        this.state = state;
        this.allowedActions = List.copyOf(allowedActions);
    }

    public String state() {
        return state;
    }

    public List<String> allowedActions() {
        return allowedActions;
    }

    /** The platform's problem handlers put these in the body next to the standard members. */
    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>(super.properties());
        properties.put("state", state);
        properties.put("allowedActions", allowedActions);
        return properties;
    }
}
