package cn.lishui.police.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the hidden CSRF field of Spring Security's default login page. */
public final class AuthorizationPages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private AuthorizationPages() {
    }

    public static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no _csrf field in the login page:\n" + html);
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }
}
