package cn.lishui.police.publicservice.application;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * The official working-day calendar (工作日): Monday to Friday, minus the public holidays, plus the
 * make-up workdays (调休上班) that fall on a weekend. Time limits of service items count in these days.
 */
final class WorkingDays {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;

    WorkingDays(Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkdays) {
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
    }

    boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The day a limit of {@code days} working days ends when counting starts the day after {@code start}
     * (the day of acceptance does not count); a limit of 0 ends on the next working day from {@code start} on.
     */
    LocalDate addWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate day = start;
        if (days == 0) {
            while (!isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            return day;
        }
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
