package cn.lishui.police.grid.market;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * When a market (赶街) is held. Rural markets in 遂昌 follow either the Gregorian calendar ("逢一四七":
 * every day of the month ending in 1, 4 or 7) or the lunar calendar ("农历初三、初八..."); the lunar dates come
 * from ICU's Chinese calendar (astronomical, with leap months), computed for the day in China time.
 *
 * @param type   how {@code values} are read
 * @param values last digits (0-9) for {@link Type#DAYS_ENDING_IN}, days of the month (1-31) for
 *               {@link Type#DAYS_OF_MONTH}, lunar days (1-30) for {@link Type#LUNAR_DAYS}
 */
public record MarketSchedule(Type type, List<Integer> values) {

    public enum Type { DAYS_ENDING_IN, DAYS_OF_MONTH, LUNAR_DAYS }

    /** A day's date in the lunar calendar. */
    public record LunarDate(int month, int day, boolean leapMonth) {
    }

    /** Whether the rule's values are in range for its type. */
    boolean valid() {
        if (type == null || values == null || values.isEmpty()) {
            return false;
        }
        int min = type == Type.DAYS_ENDING_IN ? 0 : 1;
        int max = switch (type) {
            case DAYS_ENDING_IN -> 9;
            case DAYS_OF_MONTH -> 31;
            case LUNAR_DAYS -> 30;
        };
        return values.stream().allMatch(v -> v != null && v >= min && v <= max);
    }

    boolean heldOn(LocalDate date) {
        return switch (type) {
            case DAYS_ENDING_IN -> values.contains(date.getDayOfMonth() % 10);
            case DAYS_OF_MONTH -> values.contains(date.getDayOfMonth());
            case LUNAR_DAYS -> values.contains(lunar(date).day());
        };
    }

    List<LocalDate> dates(LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (heldOn(day)) {
                dates.add(day);
            }
        }
        return dates;
    }

    /** The lunar date of a (Chinese) calendar day. */
    public static LunarDate lunar(LocalDate date) {
        ChineseCalendar calendar = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"), ULocale.CHINA);
        calendar.setTimeInMillis(date.atTime(12, 0).toInstant(ZoneOffset.ofHours(8)).toEpochMilli());
        return new LunarDate(calendar.get(ChineseCalendar.MONTH) + 1, calendar.get(ChineseCalendar.DAY_OF_MONTH),
                calendar.get(ChineseCalendar.IS_LEAP_MONTH) == 1);
    }
}
