package cn.lishui.police.publicservice.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    /** 国庆 2026: 10-01..07 off, Sunday 09-20 and Saturday 10-10 worked (as in application.yml). */
    private final WorkingDays days = new WorkingDays(
            IntStream.rangeClosed(1, 7).mapToObj(day -> LocalDate.of(2026, 10, day)).toList(),
            List.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)));

    @Test
    void weekendsAreNotWorkingDaysAndWeekdaysAre() {
        assertThat(days.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 11, 29))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 11, 30))).isTrue();
    }

    @Test
    void aLimitCountsFromTheDayAfterAndSkipsTheWeekend() {
        assertThat(days.addWorkingDays(LocalDate.of(2026, 11, 27), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(days.addWorkingDays(LocalDate.of(2026, 11, 23), 5)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void aLimitAcrossTheNationalDayHolidaySkipsItAndCountsTheMakeUpSaturday() {
        // 09-30 accepted: 10-08 (1), 10-09 (2), Saturday 10-10 is a make-up workday (3)
        assertThat(days.addWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(days.addWorkingDays(LocalDate.of(2026, 9, 30), 4)).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(days.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
    }

    @Test
    void theMakeUpSundayBeforeTheHolidayIsAWorkingDay() {
        assertThat(days.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(days.addWorkingDays(LocalDate.of(2026, 9, 18), 1)).isEqualTo(LocalDate.of(2026, 9, 20));
    }

    @Test
    void aZeroDayLimitEndsTheSameWorkingDayOrTheNextOneOnAHoliday() {
        assertThat(days.addWorkingDays(LocalDate.of(2026, 11, 30), 0)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(days.addWorkingDays(LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> days.addWorkingDays(LocalDate.of(2026, 11, 30), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
