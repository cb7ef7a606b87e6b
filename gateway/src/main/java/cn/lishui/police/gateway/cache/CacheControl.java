package cn.lishui.police.gateway.cache;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The directives of {@code Cache-Control} header values (RFC 9111 §5.2), parsed: names compared
 * case-insensitively, one header or several, arguments quoted or not. Comparing the whole header as a string
 * (what Spring Cloud Gateway 5.0.4's LocalResponseCache does) takes {@code private, no-store} for something other
 * than {@code private} and {@code no-store}; here each directive counts on its own.
 */
record CacheControl(Map<String, String> directives) {

    static final CacheControl NONE = new CacheControl(Map.of());

    static CacheControl parse(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return NONE;
        }
        Map<String, String> directives = new HashMap<>();
        for (String value : headerValues) {
            parseInto(value, directives);
        }
        return new CacheControl(directives);
    }

    private static void parseInto(String value, Map<String, String> directives) {
        int i = 0;
        int length = value.length();
        while (i < length) {
            while (i < length && (value.charAt(i) == ',' || value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            int nameStart = i;
            while (i < length && value.charAt(i) != '=' && value.charAt(i) != ',') {
                i++;
            }
            String name = value.substring(nameStart, i).strip().toLowerCase(Locale.ROOT);
            String argument = "";
            if (i < length && value.charAt(i) == '=') {
                i++;
                if (i < length && value.charAt(i) == '"') {
                    StringBuilder quoted = new StringBuilder();
                    i++;
                    while (i < length && value.charAt(i) != '"') {
                        if (value.charAt(i) == '\\' && i + 1 < length) {
                            i++;
                        }
                        quoted.append(value.charAt(i++));
                    }
                    i++; // the closing quote
                    argument = quoted.toString();
                    while (i < length && value.charAt(i) != ',') {
                        i++;
                    }
                } else {
                    int argumentStart = i;
                    while (i < length && value.charAt(i) != ',') {
                        i++;
                    }
                    argument = value.substring(argumentStart, i).strip();
                }
            }
            if (!name.isEmpty()) {
                directives.putIfAbsent(name, argument); // RFC 9111 §4.2.1: the first of duplicates counts
            }
        }
    }

    /** An {@code Age} header value in seconds; -1 when absent or unreadable. */
    static long parseAge(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    boolean has(String directive) {
        return directives.containsKey(directive);
    }

    /** The delta-seconds argument of a directive; -1 when absent or not a number. */
    long seconds(String directive) {
        String argument = directives.get(directive);
        if (argument == null || argument.isEmpty()) {
            return -1;
        }
        try {
            long seconds = Long.parseLong(argument);
            return seconds < 0 ? -1 : seconds;
        } catch (NumberFormatException notSeconds) {
            return argument.chars().allMatch(Character::isDigit) ? Long.MAX_VALUE : -1; // too large: "infinity"
        }
    }

    /**
     * How long a shared cache may keep a response with these directives, in seconds; -1 when it may not: only
     * {@code public} responses with {@code s-maxage} or {@code max-age}, never {@code private}, {@code no-store} or
     * {@code no-cache} (in any form, with or without field names).
     */
    long sharedLifetime() {
        if (!has("public") || has("private") || has("no-store") || has("no-cache")) {
            return -1;
        }
        long sMaxAge = seconds("s-maxage");
        return sMaxAge >= 0 ? sMaxAge : seconds("max-age");
    }
}
