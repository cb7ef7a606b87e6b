package cn.lishui.police.platform.personaldata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

import cn.lishui.police.platform.error.DomainException;

/**
 * A resident identity card number (公民身份号码) of GB 11643-1999: six digits of the address code, the
 * date of birth as {@code yyyyMMdd}, a three-digit sequence and the ISO 7064 MOD 11-2 check character
 * ({@code 0}-{@code 9} or {@code X}). Validates itself once, at the edge; the value never appears in
 * {@link #toString()}.
 */
public final class IdCardNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final String value;

    private IdCardNumber(String value) {
        this.value = value;
    }

    /** Parses and validates; a malformed number is a 400 problem {@code INVALID_ID_CARD_NUMBER}. */
    public static IdCardNumber of(String raw) {
        if (!isValid(raw)) {
            throw DomainException.badRequest("INVALID_ID_CARD_NUMBER");
        }
        return new IdCardNumber(raw.strip().toUpperCase(Locale.ROOT));
    }

    public static boolean isValid(String raw) {
        if (raw == null) {
            return false;
        }
        String v = raw.strip().toUpperCase(Locale.ROOT);
        if (!v.matches("\\d{17}[\\dX]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * WEIGHTS[i];
        }
        if (CHECK[sum % 11] != v.charAt(17)) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
            return birth.getYear() >= 1900 && !birth.isAfter(LocalDate.now());
        } catch (DateTimeException e) {
            return false;
        }
    }

    public String value() {
        return value;
    }

    /** The six-digit administrative division code of the place of registration, e.g. {@code 331121}. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    public String masked() {
        return PersonalDataKind.ID_CARD.mask(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdCardNumber id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
