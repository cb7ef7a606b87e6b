package cn.lishui.police.identity.user;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be (GB/T 22239 level 3 asks for complexity): at least 10 characters, at least
 * three of the four classes lower case, upper case, digits and symbols, and not containing the user's
 * own identifiers (username, phone number, e-mail name).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MIN_CLASSES = 3;
    /** Identifiers shorter than this are too common a substring to forbid. */
    private static final int MIN_IDENTIFIER_LENGTH = 3;

    private PasswordPolicy() {
    }

    /**
     * The rules the password breaks, as message keys of the bundles ({@code password.too-short} ...);
     * empty when it is strong enough.
     */
    public static List<String> violations(String password, Collection<String> identifiers) {
        List<String> broken = new ArrayList<>();
        String candidate = password == null ? "" : password;
        if (candidate.codePointCount(0, candidate.length()) < MIN_LENGTH) {
            broken.add("password.too-short");
        }
        if (characterClasses(candidate) < MIN_CLASSES) {
            broken.add("password.too-simple");
        }
        String lower = candidate.toLowerCase(Locale.ROOT);
        for (String identifier : identifiers) {
            if (identifier != null && identifier.strip().length() >= MIN_IDENTIFIER_LENGTH
                    && lower.contains(identifier.strip().toLowerCase(Locale.ROOT))) {
                broken.add("password.contains-username");
                break;
            }
        }
        return List.copyOf(broken);
    }

    static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
