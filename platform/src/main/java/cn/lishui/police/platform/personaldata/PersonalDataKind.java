package cn.lishui.police.platform.personaldata;

import java.util.Locale;

/**
 * The kinds of personal identifier the platform protects (PIPL Art. 28/51, GB/T 35273), each with
 * its display mask and the normalisation applied before a blind-index lookup.
 */
public enum PersonalDataKind {

    /** 居民身份证号码: {@code 3311**********1234}. */
    ID_CARD {
        @Override
        String mask(String value) {
            return keep(value, 4, 4);
        }

        @Override
        String normalise(String value) {
            return value.strip().toUpperCase(Locale.ROOT);
        }
    },
    /** Phone number: {@code 138****5678}; {@code +86}, spaces and dashes do not matter for lookup. */
    PHONE {
        @Override
        String mask(String value) {
            return keep(value, 3, 4);
        }

        @Override
        String normalise(String value) {
            String digits = value.replaceAll("[\\s-]", "");
            return digits.startsWith("+86") ? digits.substring(3) : digits;
        }
    },
    /** Passport number: {@code E1*****78}. */
    PASSPORT {
        @Override
        String mask(String value) {
            return keep(value, 2, 2);
        }

        @Override
        String normalise(String value) {
            return value.strip().toUpperCase(Locale.ROOT);
        }
    },
    /** E-mail address: {@code z***@example.com}. */
    EMAIL {
        @Override
        String mask(String value) {
            int at = value.indexOf('@');
            return at <= 0 ? keep(value, 1, 0) : value.charAt(0) + "***" + value.substring(at);
        }

        @Override
        String normalise(String value) {
            return value.strip().toLowerCase(Locale.ROOT);
        }
    },
    /** A person's address: the first six characters (county and town), the rest hidden. */
    ADDRESS {
        @Override
        String mask(String value) {
            return value.length() <= 6 ? "****" : value.substring(0, 6) + "****";
        }

        @Override
        String normalise(String value) {
            return value.strip();
        }
    },
    /** A person's name: the family name only, {@code 张*} / {@code 欧阳**}. */
    NAME {
        @Override
        String mask(String value) {
            String name = value.strip();
            return name.isEmpty() ? "" : name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
        }

        @Override
        String normalise(String value) {
            return value.strip();
        }
    };

    abstract String mask(String value);

    abstract String normalise(String value);

    static String keep(String value, int head, int tail) {
        String v = value.strip();
        if (v.length() <= head + tail) {
            return "*".repeat(v.length());
        }
        return v.substring(0, head) + "*".repeat(v.length() - head - tail) + v.substring(v.length() - tail);
    }
}
