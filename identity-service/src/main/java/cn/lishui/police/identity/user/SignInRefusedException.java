package cn.lishui.police.identity.user;

/** A sign-in that did not succeed, and why (the reason is safe to show the person signing in). */
public class SignInRefusedException extends RuntimeException {

    public enum Reason {
        /** Unknown name or wrong password: the two are not told apart. */
        BAD_CREDENTIALS("bad credentials"),
        /** Too many failures in a row: refused until the lock expires, whatever the password. */
        LOCKED("account locked");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;

    SignInRefusedException(Reason reason) {
        super(reason.description());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
