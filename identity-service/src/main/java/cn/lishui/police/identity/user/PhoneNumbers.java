package cn.lishui.police.identity.user;

import java.util.regex.Pattern;

/**
 * Mainland China mobile numbers, as citizens sign up and sign in with them: {@code 13812345678},
 * {@code +86 138-1234-5678}.
 */
public final class PhoneNumbers {

    /** The accepted input form, for bean validation. */
    public static final String FORMAT = "^(\\+86)?[\\s-]*1[3-9](\\d[\\s-]*){9}$";

    private static final Pattern CANONICAL = Pattern.compile("1[3-9]\\d{9}");

    private PhoneNumbers() {
    }

    public static boolean isValid(String phone) {
        return phone != null && CANONICAL.matcher(canonical(phone)).matches();
    }

    /** The 11 digits, without {@code +86}, spaces or dashes. */
    public static String canonical(String phone) {
        String digits = phone.replaceAll("[\\s-]", "");
        return digits.startsWith("+86") ? digits.substring(3) : digits;
    }
}
