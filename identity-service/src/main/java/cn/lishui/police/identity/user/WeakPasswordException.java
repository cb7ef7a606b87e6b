package cn.lishui.police.identity.user;

import java.util.List;

/** A password the policy refuses; becomes a 400 problem {@code WEAK_PASSWORD} with one error per broken rule. */
public class WeakPasswordException extends RuntimeException {

    private final List<String> violations;

    public WeakPasswordException(List<String> violations) {
        super("WEAK_PASSWORD");
        this.violations = List.copyOf(violations);
    }

    /** Message keys of the broken rules. */
    public List<String> violations() {
        return violations;
    }
}
