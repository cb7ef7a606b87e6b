package cn.lishui.police.grid.region;

import java.util.regex.Pattern;

import cn.lishui.police.platform.error.DomainException;

/**
 * A statistical division code: 6 digits for a county-level division (莲都区 {@code 331102}),
 * 12 digits for a town or village (county code + 3-digit town + 3-digit village).
 */
public record RegionCode(String value) {

    /** The accepted format, also used to validate request parameters at the edge. */
    public static final String FORMAT = "\\d{6}|\\d{12}";

    private static final Pattern VALID = Pattern.compile(FORMAT);

    public RegionCode {
        if (value == null || !VALID.matcher(value).matches()) {
            throw DomainException.badRequest("INVALID_REGION_CODE");
        }
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
