package cn.lishui.police.overseas.compatriot;

import java.util.Locale;
import java.util.regex.Pattern;

import cn.lishui.police.platform.error.DomainException;

/**
 * A passport number, validated once at the edge. Chinese passports (issuing country CN): the ordinary
 * e-passport E + 8 digits or E + a letter (not I or O) + 7 digits, the older G + 8 digits, and the official,
 * service and diplomatic D / S / P + 7 or 8 digits. Other countries' passports: the ICAO 9303 document number,
 * 6 to 9 letters and digits with at least one digit. Never printed in clear by {@link #toString()}.
 */
final class PassportNumber {

    private static final Pattern CHINESE = Pattern.compile("E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}|[DSP][0-9]{7,8}");
    private static final Pattern ICAO = Pattern.compile("(?=.*[0-9])[A-Z0-9]{6,9}");

    private final String value;

    private PassportNumber(String value) {
        this.value = value;
    }

    /** 400 INVALID_PASSPORT_NUMBER when it does not fit the issuing country's format. */
    static PassportNumber of(String raw, String issuingCountry) {
        if (!isValid(raw, issuingCountry)) {
            throw DomainException.badRequest("INVALID_PASSPORT_NUMBER");
        }
        return new PassportNumber(normalise(raw));
    }

    static boolean isValid(String raw, String issuingCountry) {
        if (raw == null) {
            return false;
        }
        String v = normalise(raw);
        return ("CN".equals(issuingCountry) ? CHINESE : ICAO).matcher(v).matches();
    }

    private static String normalise(String raw) {
        return raw.strip().toUpperCase(Locale.ROOT);
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "PassportNumber[masked]";
    }
}
